using System.Runtime;
using System.Runtime.InteropServices;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;

namespace Nooks.Kernel
{
    public static unsafe class Kmain
    {
        [UnmanagedCallersOnly(EntryPoint = "kmain")]
        public static void Main(uint magic, void* bootInfo, void** modulesStart, void** modulesEnd)
        {
            Serial.Initialize();
            if (modulesStart == modulesEnd || !ImageStartup.Run(*modulesStart))
            {
                Early("kernel image has no ReadyToRun header\n");
                Cpu.HaltForever();
            }
            Early("Nooks.OS booting\n");
            string s = "concat " + "works\n";
            Early(s);
            Cpu.Out32(QemuDebugExit.Port, QemuDebugExit.Success);
            Cpu.HaltForever();
        }

        private static void Early(string s)
        {
            for (int i = 0; i < s.Length; i++) Serial.Write((byte)s[i]);
        }
    }
}
