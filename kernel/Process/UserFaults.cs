using System.Runtime.InteropServices;
using Nooks.Abi;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Interrupts;

namespace Nooks.Kernel.Processes
{
    // A CPU exception in ring 3 is the process's fault, not the kernel's: report it in one line,
    // kill the process and carry on.
    public static unsafe class UserFaults
    {
        private const ulong ReservedFlag = 1 << 1;
        private const ulong PageFaultPresent = 1, PageFaultWrite = 2, PageFaultFetch = 16;

        public static void Initialize() => InterruptDispatch.AddFaultClaimer(&Claim);

        private static bool Claim(InterruptFrame* frame)
        {
            if (!frame->FromUserMode) return false;
            Process process = ProcessTable.Current;
            if (process == null) return false;
            Log.Error("process", $"process {process.Id} ({process.Name}) killed: {Describe(frame)}, rip 0x{frame->Rip:x}");

            // Still on the exception stack: return, in ring 0, to the top of the process's kernel
            // stack (empty, since the fault came from ring 3) and end the process from there.
            frame->Rip = (ulong)(delegate* unmanaged<int, void>)&ExitAfterFault;
            frame->Cs = Gdt.KernelCode;
            frame->Ss = Gdt.KernelData;
            frame->Rflags = ReservedFlag;
            // The thread's kernel frames above are dead since it entered ring 3.
            frame->Rsp = process.KernelStackTop - sizeof(ulong);    // as if called: RSP + 8 is 16-byte aligned
            frame->Rdi = (ulong)(ExitStatus.KilledByException + (int)frame->Vector);
            return true;
        }

        [UnmanagedCallersOnly]
        private static void ExitAfterFault(int status) => ProcessTable.ExitCurrent(status);

        private static string Describe(InterruptFrame* frame)
        {
            string name = ExceptionReport.VectorName(frame->Vector);
            if (frame->Vector != ExceptionReport.PageFaultVector)
                return frame->ErrorCode != 0 ? $"{name}, error code 0x{frame->ErrorCode:x}" : name;
            ulong error = frame->ErrorCode;
            string access = (error & PageFaultFetch) != 0 ? "instruction fetch" : (error & PageFaultWrite) != 0 ? "write" : "read";
            string cause = (error & PageFaultPresent) != 0 ? "protection violation" : "page not present";
            return $"{name} at 0x{Cpu.ReadCr2():x} ({access}, {cause})";
        }
    }
}
