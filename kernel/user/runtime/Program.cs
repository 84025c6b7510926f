namespace Nooks.User
{
    // Every program supplies Main: it gets the argument text given to spawn (empty if none) and
    // returns the exit status.
    public static partial class Program
    {
        public static partial int Main(string arguments);
    }
}
