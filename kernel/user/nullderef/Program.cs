namespace Nooks.User
{
    // Reads through a null pointer. The kernel must kill this process, report why, and go on.
    public static unsafe partial class Program
    {
        public static partial int Main(string arguments)
        {
            Console.WriteLine("nullderef: reading address 0");
            int* nothing = null;
            int value = *nothing;
            Console.WriteLine($"nullderef: read {value}; the kernel did not stop me");
            return 1;
        }
    }
}
