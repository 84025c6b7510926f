using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Nooks.Abi;

namespace Nooks.User
{
    // The raw system call: one `syscall` instruction in UserEntry.asm.
    internal static class Kernel
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "user_syscall")]
        private static extern long Invoke(long number, long a1, long a2, long a3, long a4, long a5);

        public static long Call(SystemCall number, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0) =>
            Invoke((long)number, a1, a2, a3, a4, a5);
    }
}
