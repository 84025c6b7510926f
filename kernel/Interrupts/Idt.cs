using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Interrupts
{
    // 256 interrupt gates pointing at the stubs in boot/interrupts.asm, each on an IST stack.
    public static unsafe class Idt
    {
        public const int VectorCount = 256;
        public const int NmiVector = 2;
        public const int DoubleFaultVector = 8;
        public const int FirstIrqVector = 32;
        private const byte InterruptGate = 0x8E;

        [StructLayout(LayoutKind.Sequential)]
        private struct Gate
        {
            public ushort OffsetLow;
            public ushort Selector;
            public byte Ist;
            public byte Attributes;
            public ushort OffsetMiddle;
            public uint OffsetHigh;
            public uint Reserved;
        }

        [StructLayout(LayoutKind.Sequential, Pack = 2)]
        private struct Pointer { public ushort Limit; public ulong Base; }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_interrupt_stub_table")]
        private static extern ulong* StubTable();

        private static Gate* gates;

        public static void Initialize()
        {
            gates = (Gate*)Memory.KernelHeap.Allocate((ulong)(sizeof(Gate) * VectorCount));
            ulong* stubs = StubTable();
            for (int v = 0; v < VectorCount; v++)
            {
                int ist = v == NmiVector ? Gdt.IstNmi
                        : v == DoubleFaultVector ? Gdt.IstDoubleFault
                        : v < FirstIrqVector ? Gdt.IstException
                        : Gdt.IstIrq;
                ulong target = stubs[v];
                gates[v] = new Gate
                {
                    OffsetLow = (ushort)target,
                    Selector = Gdt.KernelCode,
                    Ist = (byte)ist,
                    Attributes = InterruptGate,
                    OffsetMiddle = (ushort)(target >> 16),
                    OffsetHigh = (uint)(target >> 32),
                };
            }
            Pointer p = new Pointer { Limit = (ushort)(sizeof(Gate) * VectorCount - 1), Base = (ulong)gates };
            Cpu.LoadIdt(&p);
        }
    }
}
