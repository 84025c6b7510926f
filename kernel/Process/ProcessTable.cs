using System;
using Nooks.Abi;
using Nooks.Kernel.Boot;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Processes
{
    // Every process from spawn until its parent has collected its exit status.
    //
    // Until the scheduler lands (branch `threads`), a spawned process runs to completion inside
    // Spawn, on its own kernel stack, and Spawn returns once it has exited; Wait then finds it
    // exited. With KernelThread, RunUntilExit becomes the body of the process's main thread, the
    // scheduler does what EnterSpace does here, and Wait blocks on a WaitQueue.
    public static class ProcessTable
    {
        public const int MaxProcesses = 64;
        private const ulong KernelStackSize = 64 * 1024;
        private const int MaxNameLength = 64;

        private static readonly Process[] slots = new Process[MaxProcesses];
        private static int nextId = 1;

        public static Process Current { get; private set; }

        // Starts the boot module `name` as a child of `parent` (null for init); returns its pid or
        // an Errno value.
        public static long Spawn(string name, string argument, Process parent)
        {
            if (name.Length == 0 || name.Length > MaxNameLength) return Errno.NoSuchEntry;
            BootModule? module = Kmain.Boot.FindModule(name);
            if (module == null) return Errno.NoSuchEntry;
            int slot = FreeSlot();
            if (slot < 0) return Errno.TryAgain;

            LoadedProgram program = ProgramLoader.Load(ModuleBytes(module.Value), argument);
            if (program.Error != null)
            {
                Log.Warn("process", $"cannot start {name}: {program.Error}");
                return Errno.NotExecutable;
            }
            var process = new Process(nextId++, name, parent)
            {
                Space = program.Space,
                KernelStackTop = KernelStacks.Allocate(KernelStackSize),
            };
            slots[slot] = process;
            int id = process.Id;
            RunUntilExit(process, program);
            return id;
        }

        private static unsafe ReadOnlySpan<byte> ModuleBytes(BootModule module)
        {
            ulong length = module.End > module.Start ? module.End - module.Start : 0;
            if (length > int.MaxValue) length = int.MaxValue;
            return new ReadOnlySpan<byte>((void*)module.Start, (int)length);
        }

        private static void RunUntilExit(Process process, LoadedProgram program)
        {
            Process previous = Current;
            EnterSpace(process);
            UserMode.Run(process, program.Entry, program.StackPointer, program.ArgumentAddress, (ulong)program.ArgumentLength);
            // The process has exited (ExitCurrent resumed here): leave its address space and stack.
            if (previous != null) EnterSpace(previous);
            else { Current = null; AddressSpace.Kernel.Activate(); }
            ReleaseResources(process);
        }

        private static void EnterSpace(Process process)
        {
            Current = process;
            UserMode.SetEntryStack(process.KernelStackTop);
            process.Space.Activate();
        }

        // Ends the current process with `status`. Does not return.
        public static void ExitCurrent(int status)
        {
            Process process = Current;
            process.State = ProcessState.Exited;
            process.ExitStatus = status;
            UserMode.ResumeKernel(process.ResumeStackPointer);
        }

        private static void ReleaseResources(Process process)
        {
            ProgramLoader.Destroy(process.Space);
            KernelHeap.FreeObject(process.Space);
            process.Space = null;
            KernelStacks.Free(process.KernelStackTop, KernelStackSize);
            process.KernelStackTop = 0;
            // Its exited children will never be waited for, and the running ones are orphans.
            for (int i = 0; i < MaxProcesses; i++)
            {
                Process child = slots[i];
                if (child == null || child.Parent != process) continue;
                if (child.State == ProcessState.Exited) Remove(i);
                else child.Parent = null;
            }
            if (process.Parent == null) Remove(IndexOf(process));
        }

        // Collects the exit status of `parent`'s child `pid`; an Errno value if there is none.
        public static long Wait(int pid, Process parent)
        {
            int i = IndexOfId(pid);
            if (i < 0 || slots[i].Parent != parent) return Errno.NoChild;
            Process child = slots[i];
            if (child.State != ProcessState.Exited) return Errno.NoChild; // cannot happen before threads: spawn runs it to the end
            int status = child.ExitStatus;
            Remove(i);
            return status;
        }

        private static void Remove(int index)
        {
            Process process = slots[index];
            slots[index] = null;
            KernelHeap.FreeObject(process.Name);
            KernelHeap.FreeObject(process);
        }

        private static int FreeSlot()
        {
            for (int i = 0; i < MaxProcesses; i++) if (slots[i] == null) return i;
            return -1;
        }

        private static int IndexOf(Process process)
        {
            for (int i = 0; i < MaxProcesses; i++) if (slots[i] == process) return i;
            return -1;
        }

        private static int IndexOfId(int pid)
        {
            for (int i = 0; i < MaxProcesses; i++) if (slots[i] != null && slots[i].Id == pid) return i;
            return -1;
        }

        // The "ps" report.
        public static string Report()
        {
            string text = "  PID  PPID STATE    NAME\n";
            for (int i = 0; i < MaxProcesses; i++)
            {
                Process p = slots[i];
                if (p == null) continue;
                string state = p.State == ProcessState.Running ? (p == Current ? "running" : "waiting") : $"exited {p.ExitStatus}";
                text += $"{p.Id,5} {(p.Parent != null ? p.Parent.Id : 0),5} {state,-8} {p.Name}\n";
            }
            return text;
        }
    }
}
