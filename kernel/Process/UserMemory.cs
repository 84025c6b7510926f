using System;
using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Processes
{
    // Checks on pointers a process passes to the kernel. The kernel touches user memory only
    // after one of these has found every page of the range mapped for ring 3 (and writable, for
    // outputs) in the current process's address space, below the kernel half, without overflow.
    public static unsafe class UserMemory
    {
        // Longest single transfer a system call accepts.
        public const ulong MaxTransfer = 16 * 1024 * 1024;

        public static bool IsAccessible(AddressSpace space, ulong address, ulong length, bool write)
        {
            if (length > MaxTransfer) return false;
            if (address >= UserLayout.End || length > UserLayout.End - address) return false;
            if (length == 0) return true;
            for (ulong page = PageSize.AlignDown(address); page < address + length; page += PageSize.Small)
            {
                if (space.Translate(page, out PageFlags flags) == AddressSpace.NotMapped) return false;
                if ((flags & PageFlags.User) == 0) return false;
                if (write && (flags & PageFlags.Writable) == 0) return false;
            }
            return true;
        }

        // The bytes at a checked user range (valid while the process's space is active).
        public static bool TryRead(AddressSpace space, ulong address, long length, out ReadOnlySpan<byte> bytes)
        {
            bytes = default;
            if (length < 0 || !IsAccessible(space, address, (ulong)length, false)) return false;
            bytes = new ReadOnlySpan<byte>((void*)address, (int)length);
            return true;
        }

        public static bool TryWrite(AddressSpace space, ulong address, long length, out Span<byte> bytes)
        {
            bytes = default;
            if (length < 0 || !IsAccessible(space, address, (ulong)length, true)) return false;
            bytes = new Span<byte>((void*)address, (int)length);
            return true;
        }

        // A kernel string copied from user bytes (ASCII); null if the range is not readable.
        public static string ReadString(AddressSpace space, ulong address, long length)
        {
            if (!TryRead(space, address, length, out ReadOnlySpan<byte> bytes)) return null;
            if (bytes.Length == 0) return "";
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            string s = new string(chars);
            KernelHeap.FreeObject(chars);
            return s;
        }
    }
}
