using System.Runtime.InteropServices;
using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Interrupts
{
    // Where every vector lands after boot/interrupts.asm saved the registers.
    public static unsafe class InterruptDispatch
    {
        private static readonly ulong[] handlers = new ulong[Idt.VectorCount];
        private static readonly ulong[] counts = new ulong[Idt.VectorCount];
        private const int MaxFaultClaimers = 4;
        private static readonly ulong[] faultClaimers = new ulong[MaxFaultClaimers];

        public static ulong Count(int vector) => counts[vector];

        public static void SetHandler(int vector, delegate*<InterruptFrame*, void> handler) => handlers[vector] = (ulong)handler;

        // A claimer sees each CPU exception first and returns true if it dealt with it (a user
        // process to kill, a protection domain to unwind); otherwise the kernel panics.
        public static void AddFaultClaimer(delegate*<InterruptFrame*, bool> claimer)
        {
            for (int i = 0; i < MaxFaultClaimers; i++)
                if (faultClaimers[i] == 0) { faultClaimers[i] = (ulong)claimer; return; }
            Panic.Halt("too many fault claimers");
        }

        [UnmanagedCallersOnly(EntryPoint = "interrupt_dispatch")]
        private static void Dispatch(InterruptFrame* frame)
        {
            int vector = (int)frame->Vector;
            counts[vector]++;
            if (vector < Idt.FirstIrqVector && vector != Idt.NmiVector)
            {
                for (int i = 0; i < MaxFaultClaimers; i++)
                    if (faultClaimers[i] != 0 && ((delegate*<InterruptFrame*, bool>)faultClaimers[i])(frame)) return;
                ExceptionReport.PanicWith(frame);
            }
            ulong handler = handlers[vector];
            if (handler != 0) ((delegate*<InterruptFrame*, void>)handler)(frame);
            else if (vector != Idt.NmiVector)
            {
                Console.Log.Warn("irq", $"spurious interrupt on vector {vector}");
                // Still in service at the local APIC until acknowledged: left so, it would block
                // every vector of its priority class and below (a level interrupt that arrived
                // just as its handler was unregistered silenced the serial console this way).
                Apic.LocalApic.EndOfInterrupt();
            }
        }
    }
}
