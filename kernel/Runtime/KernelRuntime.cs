namespace Internal.Runtime
{
    internal static unsafe partial class RuntimeMemory
    {
        private static byte* next;
        internal static partial void* Allocate(nuint size)
        {
            if (next == null) next = (byte*)0x1000000;
            void* p = next;
            next += (size + 15) & ~(nuint)15;
            return p;
        }
    }
    internal static partial class RuntimeFault
    {
        internal static partial void Raise(ExceptionKind kind)
        {
            Nooks.Kernel.Arch.Cpu.HaltForever();
        }
    }
}
