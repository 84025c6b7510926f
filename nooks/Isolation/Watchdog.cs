using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;
using Nooks.Kernel.Time;

namespace Nooks.Isolation
{
    // Lockup detection. The PIT drives an NMI through the I/O APIC, so even a domain spinning with
    // interrupts off is interrupted; a crossing into a domain that has run longer than the limit
    // fails the domain and unwinds it to the gate like any other fault, at once if the domain's
    // code was running, else when the kernel call it was in returns (Gate.LeaveKernel).
    public static unsafe class Watchdog
    {
        private const uint NmiHz = 20;
        private const int PitIsaIrq = 0;
        public const ulong LimitMilliseconds = 1000;
        private static ulong limitTsc;
        public static ulong Nmis;

        public static void Start()
        {
            limitTsc = Clock.TscPerMicrosecond * 1000 * LimitMilliseconds;
            InterruptDispatch.SetHandler(Idt.NmiVector, &OnNmi);
            if (!Irq.RouteIsaAsNmi(PitIsaIrq))
            {
                Log.Error("nooks", "no I/O APIC pin for the PIT: the lockup watchdog is off");
                return;
            }
            Pit.StartPeriodic(NmiHz);
            Log.Info("nooks", $"lockup watchdog: NMI at {NmiHz} Hz, a crossing may run {LimitMilliseconds} ms");
        }

        private static void OnNmi(InterruptFrame* frame)
        {
            Nmis++;
            XpcRecord* record = Gate.Innermost;
            if (record == null || Cpu.ReadTsc() - record->StartTsc < limitTsc) return;
            if (frame->DomainCr3 == 0)
            {
                // Kernel code running for the domain (a kernel call it made, an interrupt it
                // took) cannot be unwound; the domain fails when that code returns into it.
                record->Overdue = true;
                return;
            }
            Domain d = Gate.DomainAt(record->DomainId);
            bool interruptsOff = (frame->Rflags & Cpu.InterruptFlag) == 0;
            Gate.Fail(d.Owner, $"lockup: still running after {LimitMilliseconds} ms with interrupts {(interruptsOff ? "off" : "on")}, rip {d.Owner.Name}+0x{frame->Rip - d.Owner.Image.Base:x}");
            Gate.UnwindTo(frame, d);
        }
    }
}
