using System;
using Nooks.Abi;
using Nooks.Kernel.Boot;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Threading;

namespace Nooks.Kernel.Processes
{
    // Every process from spawn until its exit status has been collected. Each process runs on a
    // kernel thread of its own whose address space is the process's.
    public static unsafe class ProcessTable
    {
        public const int MaxProcesses = 64;
        private const int MaxNameLength = 64;
        private const string ThreadName = "user process";

        private static readonly Process[] slots = new Process[MaxProcesses];
        private static readonly WaitQueue exits = new WaitQueue();
        private static SpinLock tableLock;
        private static int nextId = 1;

        // The process whose thread is running, or null in a kernel thread.
        public static Process Current => Scheduler.Current?.Owner as Process;

        // Starts the boot module `name` as a child of `parent` (null: the kernel's); returns its
        // pid or an Errno value.
        public static long Spawn(string name, string argument, Process parent)
        {
            if (name.Length == 0 || name.Length > MaxNameLength) return Errno.NoSuchEntry;
            BootModule? module = Kmain.Boot.FindModule(name);
            if (module == null) return Errno.NoSuchEntry;

            LoadedProgram program = ProgramLoader.Load(ModuleBytes(module.Value), argument);
            if (program.Error != null)
            {
                Log.Warn("process", $"cannot start {name}: {program.Error}");
                return Errno.NotExecutable;
            }
            tableLock.Acquire();
            int slot = FreeSlot();
            Process process = slot < 0 ? null : new Process(nextId++, name, parent) { Space = program.Space };
            if (process != null) { slots[slot] = process; starts[slot] = program; }
            tableLock.Release();
            if (process == null)
            {
                Release(program.Space);
                return Errno.TryAgain;
            }

            // The thread's name outlives the process (until the reaper runs): a literal, not the
            // process's name, which goes with the process.
            KernelThread thread = KernelThread.Create(ThreadName, &RunProcess, (ulong)process.Id);
            if (thread == null)
            {
                tableLock.Acquire();
                slots[slot] = null;
                starts[slot] = default;
                tableLock.Release();
                KernelHeap.FreeObject(process);
                Release(program.Space);
                return Errno.TryAgain;
            }
            process.MainThread = thread;
            thread.Space = program.Space;
            thread.Owner = process;
            thread.Start();
            return process.Id;
        }

        // Where each process's thread begins: into ring 3, never to return.
        private static readonly LoadedProgram[] starts = new LoadedProgram[MaxProcesses];

        private static void RunProcess(ulong pid)
        {
            tableLock.Acquire();
            LoadedProgram program = starts[IndexOfId((int)pid)];
            tableLock.Release();
            UserMode.Enter(program.Entry, program.StackPointer, program.ArgumentAddress, (ulong)program.ArgumentLength);
        }

        private static ReadOnlySpan<byte> ModuleBytes(BootModule module)
        {
            ulong length = module.End > module.Start ? module.End - module.Start : 0;
            if (length > int.MaxValue) length = int.MaxValue;
            return new ReadOnlySpan<byte>((void*)module.Start, (int)length);
        }

        // Ends the current process with `status`, on its own kernel stack. Does not return.
        public static void ExitCurrent(int status)
        {
            Process process = Current;
            AddressSpace space = process.Space;
            // Off the process's page tables before freeing them.
            Scheduler.SetCurrentSpace(null);
            process.Space = null;
            Release(space);

            tableLock.Acquire();
            process.ExitStatus = status;
            process.State = ProcessState.Exited;
            process.MainThread.Owner = null;
            for (int i = 0; i < MaxProcesses; i++)
            {
                Process child = slots[i];
                if (child == null || child.Parent != process) continue;
                child.Parent = null;
                child.Detached = true;
                if (child.State == ProcessState.Exited) Remove(i);
            }
            if (process.Detached) Remove(IndexOf(process));
            tableLock.Release();
            exits.WakeAll();
            Scheduler.Exit();
        }

        private static void Release(AddressSpace space)
        {
            ProgramLoader.Destroy(space);
            KernelHeap.FreeObject(space);
        }

        // Waits for `parent`'s child `pid` (the kernel's when parent is null) to exit and returns
        // its exit status; an Errno value if there is no such child.
        public static long Wait(int pid, Process parent)
        {
            tableLock.Acquire();
            int i = IndexOfId(pid);
            if (i < 0 || slots[i].Parent != parent || slots[i].Detached)
            {
                tableLock.Release();
                return Errno.NoChild;
            }
            Process child = slots[i];
            while (child.State != ProcessState.Exited) exits.Wait(ref tableLock);
            int status = child.ExitStatus;
            Remove(i);
            tableLock.Release();
            return status;
        }

        // Waits for any child of `parent` to exit; returns its pid (and its status), or NoChild if
        // `parent` has no child to wait for.
        public static long WaitAny(Process parent, out int status)
        {
            status = 0;
            tableLock.Acquire();
            while (true)
            {
                bool anyChild = false;
                for (int i = 0; i < MaxProcesses; i++)
                {
                    Process child = slots[i];
                    if (child == null || child.Parent != parent || child.Detached) continue;
                    anyChild = true;
                    if (child.State != ProcessState.Exited) continue;
                    long pid = child.Id;
                    status = child.ExitStatus;
                    Remove(i);
                    tableLock.Release();
                    return pid;
                }
                if (!anyChild)
                {
                    tableLock.Release();
                    return Errno.NoChild;
                }
                exits.Wait(ref tableLock);
            }
        }

        private static void Remove(int index)
        {
            Process process = slots[index];
            slots[index] = null;
            starts[index] = default;
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
            var text = new System.Text.TextBuilder();
            text.Append("  PID  PPID THREAD STATE     NAME\n");
            tableLock.Acquire();
            Process current = Current;
            for (int i = 0; i < MaxProcesses; i++)
            {
                Process p = slots[i];
                if (p == null) continue;
                string state = p.State == ProcessState.Exited ? $"exited {p.ExitStatus}" : p == current ? "running" : p.MainThread == null ? "starting" : KernelThread.StateName(p.MainThread.State);
                text.Append($"{p.Id,5} {(p.Parent != null ? p.Parent.Id : 0),5} {(p.MainThread != null ? p.MainThread.Id : 0),6} {state,-9} {p.Name}\n");
            }
            tableLock.Release();
            return text.Finish();
        }
    }
}
