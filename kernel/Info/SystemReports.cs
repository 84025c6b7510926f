using Nooks.Kernel.Console;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Info
{
    // The reports this part of the kernel provides: "uname", "dmesg", "ps".
    public static unsafe class SystemReports
    {
        public static void Register()
        {
            KernelInfo.Register("uname", &Uname);
            KernelInfo.Register("dmesg", &Dmesg);
            KernelInfo.Register("ps", &ProcessTable.Report);
        }

        private static string Uname() => $"Nooks.OS 0.1 x86_64 ({Kmain.Banner}; booted by {Kmain.Boot.Loader})\n";

        private static string Dmesg()
        {
            char[] text = new char[Log.RetainedLength];
            int n = Log.CopyTo(text);
            string report = new string(new System.ReadOnlySpan<char>(text).Slice(0, n));
            Memory.KernelHeap.FreeObject(text);
            return report;
        }
    }
}
