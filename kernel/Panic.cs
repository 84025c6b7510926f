using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;

namespace Nooks.Kernel
{
    // The end of the kernel: print why, and stop the CPU with interrupts off.
    public static class Panic
    {
        private static bool inPanic;

        public static void Begin()
        {
            Cpu.DisableInterrupts();
            if (inPanic)
            {
                Terminal.WriteRaw("\n*** panic while panicking; halting\n");
                Cpu.HaltForever();
            }
            inPanic = true;
        }

        public static void End()
        {
            Terminal.WriteRaw("*** system halted\n");
            Cpu.HaltForever();
        }

        public static void Halt(string reason)
        {
            Begin();
            Terminal.WriteRaw($"\n*** KERNEL PANIC: {reason}\n");
            Terminal.WriteRaw("    call chain (frame pointers):\n");
            Symbols.WriteBacktrace(Symbols.CurrentFramePointer());
            Panic.End();
        }
    }
}
