using Nooks.Abi;

namespace Nooks.User
{
    // The machine as a whole: reports about the kernel, time since boot, power.
    public static unsafe class Machine
    {
        private const int InitialReportCapacity = 4096;

        public static ulong UptimeNanoseconds => (ulong)Kernel.Call(SystemCall.Uptime);

        // The kernel's report called `name` ("ps", "dmesg", ...); null with `error` set if the
        // kernel has none by that name.
        public static string Info(string name, out long error) => FetchText(SystemCall.Info, name, out error);

        // The boot module `name` (a config file such as agent.conf) as text; null with `error`
        // set if there is no module of that name.
        public static string ReadModuleText(string name, out long error) => FetchText(SystemCall.ReadModule, name, out error);

        // Calls that copy named text out (name, nameLength, buffer, capacity) and return its
        // whole length: ask again with room for all of it when it did not fit.
        private static string FetchText(SystemCall call, string name, out long error)
        {
            byte[] nameBytes = new byte[name.Length + 1];
            Text.Encode(name, nameBytes);
            int capacity = InitialReportCapacity;
            while (true)
            {
                byte[] buffer = new byte[capacity];
                long length;
                fixed (byte* n = nameBytes)
                fixed (byte* b = buffer)
                    length = Kernel.Call(call, (long)n, name.Length, (long)b, capacity);
                if (length < 0 || length <= capacity)
                {
                    string text = length < 0 ? null : Text.Decode(new System.ReadOnlySpan<byte>(buffer).Slice(0, (int)length));
                    error = length < 0 ? length : 0;
                    Memory.Free(buffer);
                    Memory.Free(nameBytes);
                    return text;
                }
                Memory.Free(buffer);
                capacity = (int)length;
            }
        }

        private const int CommandOutputCapacity = 32 * 1024;
        private static byte[] commandOutput;

        // Runs a kernel command (insmod, lsmod, nooks, fault, ping, ...); null with `error` set
        // if the kernel has no command of that name. Output past the buffer is cut, since the
        // command cannot be run again to fetch it.
        public static string Command(string line, out long error)
        {
            byte[] lineBytes = new byte[line.Length + 1];
            Text.Encode(line, lineBytes);
            commandOutput ??= new byte[CommandOutputCapacity];
            long length;
            fixed (byte* l = lineBytes)
            fixed (byte* b = commandOutput)
                length = Kernel.Call(SystemCall.Command, (long)l, line.Length, (long)b, CommandOutputCapacity);
            Memory.Free(lineBytes);
            if (length < 0) { error = length; return null; }
            error = 0;
            return Text.Decode(new System.ReadOnlySpan<byte>(commandOutput).Slice(0, (int)length));
        }

        public static long PowerOff() => Kernel.Call(SystemCall.PowerOff);
        public static long Reboot() => Kernel.Call(SystemCall.Reboot);

        // Test-only: asks the kernel to take an exception itself. Refused unless the kernel was
        // booted with `nooks.test`.
        public static long KernelFault() => Kernel.Call(SystemCall.KernelFault);
    }
}
