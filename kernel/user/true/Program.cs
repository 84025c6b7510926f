namespace Nooks.User
{
    // Does nothing, successfully: the smallest process, for measuring spawn and exit.
    public static partial class Program
    {
        public static partial int Main(string arguments) => 0;
    }
}
