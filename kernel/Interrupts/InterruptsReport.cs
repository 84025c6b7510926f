using Nooks.Kernel.Info;

namespace Nooks.Kernel.Interrupts
{
    // The "interrupts" report: how often each vector that has fired did, and what it is.
    public static unsafe class InterruptsReport
    {
        public static void Register() => KernelInfo.Register("interrupts", &Build);

        private static string Build()
        {
            string text = "VECTOR        COUNT  SOURCE\n";
            for (int v = 0; v < Idt.VectorCount; v++)
            {
                ulong count = InterruptDispatch.Count(v);
                string source = Irq.Describe(v);
                if (count == 0 && source == null) continue;
                text = string.Concat(text, $"{v,6} {count,12}  {source ?? DefaultName(v)}\n");
            }
            return text;
        }

        private static string DefaultName(int vector) =>
            vector < Idt.FirstIrqVector ? ExceptionReport.VectorName((ulong)vector)
            : vector == Irq.SpuriousVector ? "local APIC spurious"
            : vector < Irq.FirstDeviceVector ? "8259 (masked, spurious)"
            : "unassigned";
    }
}
