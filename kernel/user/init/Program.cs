using Nooks.Abi;

namespace Nooks.User
{
    // The first process: keeps a shell running on the console.
    public static partial class Program
    {
        private const string Shell = "sh";

        public static partial int Main(string arguments)
        {
            Console.WriteLine($"init: running as pid {Process.Id}");
            while (true)
            {
                long pid = Process.Spawn(Shell);
                if (pid < 0)
                {
                    Console.Error($"init: cannot start {Shell}: {Errno.Name(pid)}\n");
                    return 1;
                }
                long status = Process.Wait(pid);
                Console.WriteLine($"init: {Shell} (pid {pid}) exited with status {status}; starting a new one");
            }
        }
    }
}
