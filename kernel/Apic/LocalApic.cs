using System.Threading;
using Nooks.Kernel.Arch;
using R = Nooks.Kernel.Apic.LocalApicRegisters;

namespace Nooks.Kernel.Apic
{
    // This CPU's local APIC in xAPIC mode (QEMU offers no x2APIC): end of interrupt, the
    // spurious vector and the timer. Its MMIO page lies in the kernel's uncached identity map.
    public static unsafe class LocalApic
    {
        private static byte* registers;

        public static uint Id => Read(R.Id) >> R.IdShift;
        public static bool Ready => registers != null;

        public static void Initialize(ulong address, int spuriousVector)
        {
            ulong msr = Cpu.ReadMsr(R.ApicBaseMsr);
            if ((msr & R.ApicBaseGlobalEnable) == 0) Cpu.WriteMsr(R.ApicBaseMsr, msr | R.ApicBaseGlobalEnable);
            registers = (byte*)address;
            Write(R.TaskPriority, 0);
            // LINT0 carries the 8259's ExtINT in virtual-wire mode; the 8259 is retired.
            Write(R.LvtLint0, R.LvtMasked);
            Write(R.LvtError, R.LvtMasked);
            Write(R.ErrorStatus, 0);
            Write(R.SpuriousInterruptVector, R.SoftwareEnable | (uint)spuriousVector);
            EndOfInterrupt();
        }

        public static void EndOfInterrupt() => Write(R.EndOfInterrupt, 0);

        // The timer counts down at the bus clock divided by 16 on both hardware and QEMU.
        public static void StartTimerOneShot(uint count)
        {
            Write(R.TimerDivideConfiguration, R.DivideBy16);
            Write(R.LvtTimer, R.LvtMasked | R.TimerOneShot);
            Write(R.TimerInitialCount, count);
        }

        public static void StartTimerPeriodic(int vector, uint count)
        {
            Write(R.TimerDivideConfiguration, R.DivideBy16);
            Write(R.LvtTimer, R.TimerPeriodic | (uint)vector);
            Write(R.TimerInitialCount, count);
        }

        public static void StopTimer()
        {
            Write(R.LvtTimer, R.LvtMasked);
            Write(R.TimerInitialCount, 0);
        }

        public static uint TimerCurrentCount => Read(R.TimerCurrentCount);

        private static uint Read(uint register) => Volatile.Read(ref *(uint*)(registers + register));
        private static void Write(uint register, uint value) => Volatile.Write(ref *(uint*)(registers + register), value);
    }
}
