namespace Nooks.Kernel.Info
{
    // Named text reports about the kernel's state (like Linux's /proc files): "pci", "meminfo",
    // "threads", "dmesg" ... Subsystems register a provider; the shell reads them by name
    // through a system call.
    public static unsafe class KernelInfo
    {
        private const int MaxProviders = 32;
        private static readonly string[] names = new string[MaxProviders];
        private static readonly ulong[] providers = new ulong[MaxProviders];
        private static int count;

        public static void Register(string name, delegate*<string> provider)
        {
            for (int i = 0; i < count; i++)
                if (names[i] == name) { providers[i] = (ulong)provider; return; }
            if (count == MaxProviders) Panic.Halt($"too many kernel info providers registering '{name}'");
            names[count] = name;
            providers[count++] = (ulong)provider;
        }

        // The report's text, or null if no provider has that name. The text belongs to the
        // caller, who frees it (KernelHeap.FreeObject) when done: providers build it afresh.
        public static string Read(string name)
        {
            for (int i = 0; i < count; i++)
                if (names[i] == name) return ((delegate*<string>)providers[i])();
            return null;
        }

        public static int Count => count;
        public static string NameAt(int index) => names[index];
    }
}
