using System.Runtime.InteropServices;

namespace Nooks.Kernel.Arch
{
    // The GDT and the TSS. Selector order is fixed by SYSRET: user data must sit 8 below user code.
    public static unsafe class Gdt
    {
        public const ushort KernelCode = 0x08;
        public const ushort KernelData = 0x10;
        public const ushort UserData = 0x18 | 3;
        public const ushort UserCode = 0x20 | 3;
        public const ushort TaskState = 0x28;

        // Interrupt stack table slots (1-based, as the IDT names them).
        public const int IstIrq = 1;
        public const int IstException = 2;
        public const int IstNmi = 3;
        public const int IstDoubleFault = 4;
        private const int IstCount = 4;
        private const ulong IstStackSize = 32 * 1024;

        // Accessed bits preset: protection domains map the GDT read-only, and the CPU would
        // otherwise write them on the first segment load.
        private const ulong CodeFlags = 0x00AF9B000000FFFF;       // present, code, long mode, accessed
        private const ulong DataFlags = 0x00CF93000000FFFF;       // present, data, writable, accessed
        private const ulong UserPrivilege = 3UL << 45;
        private const ulong TssAvailable = 0x89UL << 40;

        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        private struct TaskStateSegment
        {
            public uint Reserved0;
            public ulong Rsp0, Rsp1, Rsp2;
            public ulong Reserved1;
            public ulong Ist1, Ist2, Ist3, Ist4, Ist5, Ist6, Ist7;
            public ulong Reserved2;
            public ushort Reserved3;
            public ushort IoMapBase;
        }

        [StructLayout(LayoutKind.Sequential, Pack = 2)]
        private struct Pointer { public ushort Limit; public ulong Base; }

        private static ulong* table;
        private static TaskStateSegment* tss;

        public static void Initialize()
        {
            table = (ulong*)Memory.KernelHeap.Allocate(8 * 8);
            tss = (TaskStateSegment*)Memory.KernelHeap.Allocate((ulong)sizeof(TaskStateSegment));
            *tss = default;
            tss->IoMapBase = (ushort)sizeof(TaskStateSegment);
            ulong* ist = &tss->Ist1;
            for (int i = 0; i < IstCount; i++) ist[i] = Memory.KernelStacks.AllocateInterruptStack(IstStackSize);

            table[0] = 0;
            table[1] = CodeFlags;
            table[2] = DataFlags;
            table[3] = DataFlags | UserPrivilege;
            table[4] = CodeFlags | UserPrivilege;
            ulong b = (ulong)tss, limit = (ulong)sizeof(TaskStateSegment) - 1;
            table[5] = (limit & 0xFFFF) | ((b & 0xFFFFFF) << 16) | TssAvailable | (((limit >> 16) & 0xF) << 48) | (((b >> 24) & 0xFF) << 56);
            table[6] = b >> 32;

            Pointer p = new Pointer { Limit = 7 * 8 - 1, Base = (ulong)table };
            Cpu.LoadGdt(&p);
            Cpu.ReloadSegments(KernelCode, KernelData);
            Cpu.LoadTaskRegister(TaskState);
        }

        // The stack the CPU switches to when an interrupt arrives in ring 3.
        public static void SetKernelStack(ulong top) => tss->Rsp0 = top;
    }
}
