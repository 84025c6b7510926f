using Nooks.Abi;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // exit, spawn, wait, heap growth.
    public static class ProcessCalls
    {
        private const long MaxArgumentLength = 4096;
        private const long MaxNameLength = 64;

        public static long Exit(long status)
        {
            ProcessTable.ExitCurrent((int)status);
            return 0;
        }

        public static long Spawn(Process process, long name, long nameLength, long argument, long argumentLength)
        {
            if (nameLength < 0 || nameLength > MaxNameLength || argumentLength < 0 || argumentLength > MaxArgumentLength)
                return Errno.InvalidArgument;
            string programName = UserMemory.ReadString(process.Space, (ulong)name, nameLength);
            if (programName == null) return Errno.BadAddress;
            string text = UserMemory.ReadString(process.Space, (ulong)argument, argumentLength);
            if (text == null) { KernelHeap.FreeObject(programName); return Errno.BadAddress; }
            long pid = ProcessTable.Spawn(programName, text, process);
            KernelHeap.FreeObject(text);
            if (pid < 0) KernelHeap.FreeObject(programName);   // on success the process keeps it as its name
            return pid;
        }

        public static long Wait(Process process, long pid)
        {
            if (pid <= 0 || pid > int.MaxValue) return Errno.NoChild;
            return ProcessTable.Wait((int)pid, process);
        }

        // Waits for any child to exit; returns its pid and stores its status at `status`.
        public static unsafe long WaitAny(Process process, long status)
        {
            if (!UserMemory.TryWrite(process.Space, (ulong)status, sizeof(long), out System.Span<byte> output)) return Errno.BadAddress;
            long pid = ProcessTable.WaitAny(process, out int exitStatus);
            // The process's memory stays mapped while its thread is in the kernel: the span holds.
            if (pid > 0) fixed (byte* p = output) *(long*)p = exitStatus;
            return pid;
        }

        // Adds `bytes` (rounded up to pages) of zeroed memory at the end of the heap region;
        // returns the address of the first new byte.
        public static long GrowHeap(Process process, long bytes)
        {
            if (bytes <= 0 || (ulong)bytes > UserLayout.HeapMaxSize) return Errno.InvalidArgument;
            ulong size = PageSize.AlignUp((ulong)bytes);
            ulong start = process.HeapEnd;
            if (size > UserLayout.HeapBase + UserLayout.HeapMaxSize - start) return Errno.OutOfMemory;
            if (!ProgramLoader.MapZeroed(process.Space, start, size, PageFlags.UserData))
            {
                for (ulong page = start; page < start + size; page += PageSize.Small)
                {
                    ulong frame = process.Space.Unmap(page);
                    if (frame != AddressSpace.NotMapped) FrameAllocator.Free(frame);
                }
                return Errno.OutOfMemory;
            }
            process.HeapEnd = start + size;
            return (long)start;
        }
    }
}
