using Nooks.Kernel.Console;

namespace Nooks.Kernel.Arch
{
    // Turning the machine off and restarting it, trying the mechanisms from the most specific
    // (QEMU's debug-exit device) to the most general (a triple fault).
    public static unsafe class Power
    {
        // ACPI PM1a control ports of QEMU's PIIX4 / ICH9 and of Bochs and VirtualBox, with
        // SLP_TYP = S5 and SLP_EN set: their firmware's fixed values, good enough for emulators;
        // real machines would need the FADT and \_S5 from the ACPI tables.
        private const ushort QemuAcpiPort = 0x604, BochsAcpiPort = 0xB004, VirtualBoxAcpiPort = 0x4004;
        private const ushort AcpiSleepS5 = 0x2000, VirtualBoxSleepS5 = 0x3400;
        private const ushort KeyboardControllerCommand = 0x64;
        private const byte KeyboardControllerInputFull = 0x02, PulseResetLine = 0xFE;
        private const int KeyboardControllerWaitLimit = 100000;

        public static void Off()
        {
            Log.Info("power", "powering off");
            Cpu.DisableInterrupts();
            Cpu.Out32(QemuDebugExit.Port, QemuDebugExit.Success);
            Cpu.Out16(QemuAcpiPort, AcpiSleepS5);
            Cpu.Out16(BochsAcpiPort, AcpiSleepS5);
            Cpu.Out16(VirtualBoxAcpiPort, VirtualBoxSleepS5);
            Terminal.Write("power off did not work; it is now safe to switch the machine off\n");
            Cpu.HaltForever();
        }

        public static void Restart()
        {
            Log.Info("power", "rebooting");
            Cpu.DisableInterrupts();
            for (int i = 0; i < KeyboardControllerWaitLimit && (Cpu.In8(KeyboardControllerCommand) & KeyboardControllerInputFull) != 0; i++) Cpu.Pause();
            Cpu.Out8(KeyboardControllerCommand, PulseResetLine);
            // No reset line: an empty IDT turns the next exception into a triple fault, which resets.
            ulong* emptyIdt = stackalloc ulong[2];   // limit 0, base 0
            emptyIdt[0] = emptyIdt[1] = 0;
            Cpu.LoadIdt(emptyIdt);
            TripleFault();
        }

        private static void TripleFault()
        {
            int* unmapped = null;
            *unmapped = 0;
            Cpu.HaltForever();
        }
    }
}
