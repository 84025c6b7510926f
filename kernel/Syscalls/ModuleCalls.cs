using System;
using Nooks.Abi;
using Nooks.Kernel.Boot;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // read_module(name, buffer): the bytes of a boot module (a program, an extension, a config
    // file such as the agent's agent.conf) copied out to the caller.
    public static unsafe class ModuleCalls
    {
        private const long MaxNameLength = 64;

        // Returns the module's whole length and copies as much as fits; the caller asks again
        // with a larger buffer if that exceeds its capacity.
        public static long Read(Process process, long name, long nameLength, long buffer, long capacity)
        {
            if (nameLength <= 0 || nameLength > MaxNameLength) return Errno.InvalidArgument;
            if (!UserMemory.TryWrite(process.Space, (ulong)buffer, capacity, out Span<byte> output)) return Errno.BadAddress;
            string moduleName = UserMemory.ReadString(process.Space, (ulong)name, nameLength);
            if (moduleName == null) return Errno.BadAddress;
            BootModule? found = Kmain.Boot.FindModule(moduleName);
            KernelHeap.FreeObject(moduleName);
            if (found == null) return Errno.NoSuchEntry;
            BootModule module = found.Value;
            ulong length = module.End > module.Start ? module.End - module.Start : 0;
            if (length > UserMemory.MaxTransfer) return Errno.OutOfMemory;
            int n = (int)length < output.Length ? (int)length : output.Length;
            new ReadOnlySpan<byte>((void*)module.Start, n).CopyTo(output);
            return (long)length;
        }
    }
}
