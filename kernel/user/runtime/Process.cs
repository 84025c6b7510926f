using Nooks.Abi;

namespace Nooks.User
{
    // This process and its children.
    public static unsafe class Process
    {
        public static void Exit(int status)
        {
            Kernel.Call(SystemCall.Exit, status);
            while (true) { }   // the kernel never returns from exit
        }

        public static long Id => Kernel.Call(SystemCall.GetPid);

        // Starts the program `name` (a boot module) with an argument text; returns its pid or an
        // Errno value.
        public static long Spawn(string name, string arguments = "")
        {
            byte[] nameBytes = new byte[name.Length + 1];
            byte[] argumentBytes = new byte[arguments.Length + 1];
            Text.Encode(name, nameBytes);
            Text.Encode(arguments, argumentBytes);
            fixed (byte* n = nameBytes)
            fixed (byte* a = argumentBytes)
                return Kernel.Call(SystemCall.Spawn, (long)n, name.Length, (long)a, arguments.Length);
        }

        // Waits for a child to exit; returns its exit status or an Errno value.
        public static long Wait(long pid) => Kernel.Call(SystemCall.Wait, pid);

        // Waits for any child to exit; returns its pid (its status in `status`) or an Errno value.
        public static long WaitAny(out long status)
        {
            long exitStatus = 0;
            long result = Kernel.Call(SystemCall.WaitAny, (long)&exitStatus);
            status = exitStatus;
            return result;
        }

        public static void Sleep(long milliseconds) => Kernel.Call(SystemCall.Sleep, milliseconds);
        public static void Yield() => Kernel.Call(SystemCall.Yield);
    }
}
