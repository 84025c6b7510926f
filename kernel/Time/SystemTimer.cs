using Nooks.Kernel.Apic;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Threading;

namespace Nooks.Kernel.Time
{
    // The scheduler's heartbeat: the local APIC timer in periodic mode, calibrated against the
    // PIT together with the TSC.
    //
    // 1000 Hz: Sleep has millisecond resolution without a one-shot timer (QEMU offers no
    // TSC-deadline mode) and a 10-tick time slice stays short enough for an interactive
    // console, while one tick costs a few microseconds under emulation (well under 1%).
    public static unsafe class SystemTimer
    {
        public const int TickHz = 1000;
        private const ushort CalibrationPitCount = 11932;         // 10 ms at 1.193182 MHz
        private const int CalibrationRuns = 5;
        private const uint LapicCalibrationStart = uint.MaxValue;

        private static ulong lapicTimerHz;
        private static ulong ticks;

        public static ulong LapicTimerHz => lapicTimerHz;
        public static ulong Ticks => ticks;

        // Measures the TSC and the local APIC timer over PIT one-shots, with interrupts off, and
        // keeps the shortest of several runs: under emulation the virtual CPU can be descheduled
        // inside a window, which only ever makes a count too large.
        public static void Calibrate()
        {
            ulong tscTicks = ulong.MaxValue, lapicTicks = ulong.MaxValue;
            for (int run = 0; run < CalibrationRuns; run++)
            {
                MeasureOneShot(out ulong tsc, out ulong lapic);
                if (tsc < tscTicks) tscTicks = tsc;
                if (lapic < lapicTicks) lapicTicks = lapic;
            }
            ulong pitTicks = (ulong)CalibrationPitCount + 1;
            ulong tscHz = tscTicks * Pit.FrequencyHz / pitTicks;
            lapicTimerHz = lapicTicks * Pit.FrequencyHz / pitTicks;
            if (tscHz == 0 || lapicTimerHz < TickHz) Panic.Halt($"timer calibration failed: TSC {tscHz} Hz, local APIC timer {lapicTimerHz} Hz");
            Clock.SetTscFrequency(tscHz);
            Log.Clock = &Clock.LogClock;
            Log.Info("time", $"TSC {tscHz / 1000} kHz ({Clock.TscPerMicrosecond} per us), local APIC timer {lapicTimerHz / 1000} kHz (bus / 16), calibrated against the PIT");
        }

        private static void MeasureOneShot(out ulong tscTicks, out ulong lapicTicks)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Pit.PrepareOneShot(CalibrationPitCount);
            LocalApic.StartTimerOneShot(LapicCalibrationStart);
            ulong tscStart = Cpu.ReadTsc();
            Pit.StartOneShot();
            while (!Pit.OneShotExpired) Cpu.Pause();
            ulong tscEnd = Cpu.ReadTsc();
            uint lapicLeft = LocalApic.TimerCurrentCount;
            LocalApic.StopTimer();
            Pit.StopOneShot();
            Cpu.RestoreInterrupts(flags);
            tscTicks = tscEnd - tscStart;
            lapicTicks = LapicCalibrationStart - lapicLeft;
        }

        public static void Start()
        {
            Irq.RegisterLocal(Irq.LocalTimerVector, &OnTick, "LAPIC timer");
            LocalApic.StartTimerPeriodic(Irq.LocalTimerVector, (uint)(lapicTimerHz / TickHz));
            Log.Info("time", $"local APIC timer periodic at {TickHz} Hz on vector {Irq.LocalTimerVector}");
        }

        private const int MaxTickHooks = 4;
        private static readonly ulong[] tickHooks = new ulong[MaxTickHooks];

        // Runs `hook` on every tick, in interrupt context (timer services built on the tick).
        public static void AddTickHook(delegate*<void> hook)
        {
            for (int i = 0; i < MaxTickHooks; i++)
                if (tickHooks[i] == 0) { tickHooks[i] = (ulong)hook; return; }
            Panic.Halt("too many timer tick hooks");
        }

        private static void OnTick(InterruptFrame* frame)
        {
            ticks++;
            for (int i = 0; i < MaxTickHooks; i++)
                if (tickHooks[i] != 0) ((delegate*<void>)tickHooks[i])();
            Scheduler.Tick();
        }
    }
}
