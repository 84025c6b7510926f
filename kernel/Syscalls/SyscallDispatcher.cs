using System.Runtime.InteropServices;
using Nooks.Abi;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // Where k_syscall_entry lands: one switch from number to handler. Handlers check every
    // argument; a bad one is an error result, never a kernel fault.
    public static unsafe class SyscallDispatcher
    {
        [UnmanagedCallersOnly(EntryPoint = "syscall_dispatch")]
        private static long Dispatch(SyscallFrame* frame)
        {
            Process process = ProcessTable.Current;
            long result = (SystemCall)frame->Number switch
            {
                SystemCall.Exit => ProcessCalls.Exit(frame->Argument0),
                SystemCall.Write => ConsoleCalls.Write(process, frame->Argument0, frame->Argument1, frame->Argument2),
                SystemCall.Read => ConsoleCalls.Read(process, frame->Argument0, frame->Argument1, frame->Argument2),
                SystemCall.Spawn => ProcessCalls.Spawn(process, frame->Argument0, frame->Argument1, frame->Argument2, frame->Argument3),
                SystemCall.Wait => ProcessCalls.Wait(process, frame->Argument0),
                SystemCall.GetPid => process.Id,
                SystemCall.Uptime => MachineCalls.Uptime(),
                SystemCall.Sleep => MachineCalls.Sleep(frame->Argument0),
                SystemCall.Yield => MachineCalls.Yield(),
                SystemCall.Info => InfoCalls.Info(process, frame->Argument0, frame->Argument1, frame->Argument2, frame->Argument3),
                SystemCall.GrowHeap => ProcessCalls.GrowHeap(process, frame->Argument0),
                SystemCall.PowerOff => MachineCalls.PowerOff(),
                SystemCall.Reboot => MachineCalls.Reboot(),
                SystemCall.KernelFault => MachineCalls.KernelFault(),
                SystemCall.Command => CommandCalls.Run(process, frame->Argument0, frame->Argument1, frame->Argument2, frame->Argument3),
                SystemCall.ReadModule => ModuleCalls.Read(process, frame->Argument0, frame->Argument1, frame->Argument2, frame->Argument3),
                SystemCall.WaitAny => ProcessCalls.WaitAny(process, frame->Argument0),
                _ => Errno.NotImplemented,
            };
            // sysret to a non-canonical RIP would fault in ring 0 on the user's stack. The entry
            // saved the CPU's own RCX, so this holds unless kernel code corrupted the frame.
            if (!UserLayout.InUserHalf(frame->UserRip)) ProcessCalls.Exit(ExitStatus.KilledByException + GeneralProtectionVector);
            return result;
        }

        private const int GeneralProtectionVector = 13;
    }
}
