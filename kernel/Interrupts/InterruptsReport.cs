using Nooks.Kernel.Info;

namespace Nooks.Kernel.Interrupts
{
    // The "interrupts" report: how often each vector that has fired did, and what it is.
    public static unsafe class InterruptsReport
    {
        public static void Register() => KernelInfo.Register("interrupts", &Build);

        // One buffer for the whole report: concatenating line by line left every intermediate
        // report on the heap, which has no collector.
        private static string Build()
        {
            var text = new System.Text.TextBuilder();
            text.Append("VECTOR        COUNT  SOURCE\n");
            for (int v = 0; v < Idt.VectorCount; v++)
            {
                ulong count = InterruptDispatch.Count(v);
                if (count == 0 && !Irq.HasSource(v)) continue;
                text.Append($"{v,6} {count,12}  ");
                if (!Irq.AppendSource(text, v)) text.Append(DefaultName(v));
                text.Append("\n");
            }
            return text.Finish();
        }

        private static string DefaultName(int vector) =>
            vector < Idt.FirstIrqVector ? ExceptionReport.VectorName((ulong)vector)
            : vector == Irq.SpuriousVector ? "local APIC spurious"
            : vector < Irq.FirstDeviceVector ? "8259 (masked, spurious)"
            : "unassigned";
    }
}
