using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Nooks.Api;
using Nooks.Extension;

namespace Nooks.Drivers.Faulty
{
    // A test extension that misbehaves on purpose: `fault CLASS [ADDRESS]` commits one fault,
    // `fault list` names them. Loaded natively it shows what each bug does to an unprotected
    // kernel; isolated, that Nooks contains and recovers it.
    public static unsafe class FaultyExtension
    {
        // Where the linker script puts the kernel's code (boot/kernel.ld): a fixed target.
        private const ulong KernelTextStart = 0x101000;
        private const int LeakBytes = 64 * 1024;
        // Device memory every PC has: the local APIC's registers (its ID register first).
        private const ulong LocalApicBase = 0xFEE00020;
        // In the unmapped first page: no one owns it.
        private const ulong UnmappedAddress = 0x10;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "faulty_invalid_opcode")]
        private static extern void InvalidOpcode();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "faulty_spin_interrupts_on")]
        private static extern void SpinInterruptsOn();
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "faulty_spin_interrupts_off")]
        private static extern void SpinInterruptsOff();

        private static int[] small = new int[4];
        // Read at run time so that the compiler cannot see the zero or the null coming.
        private static int zero;
        private static ulong nullAddress;
        // One lock for the life of the extension, so that a second `fault lock-held` shows what
        // the first left behind.
        private static long heldLock;
        private static long sleepQueue;
        private static long faultTimer;
        private static long smashTimer;
        // The frame of the thread asleep in `fault smash-sleeper`; what lies below it on that
        // stack is whatever its wait left there (kernel frames, if the kernel kept them there).
        private static byte* sleeperFrame;
        private const int SmashBytes = 4096;
        private const int DelayMicroseconds = 1000;
        private const int SleepWithLockTimeoutMilliseconds = 10;
        private const int FaultTimerMilliseconds = 50;
        // Far longer than the timer: a sleeper still asleep by then was not woken by recovery.
        private const int AsleepTimeoutMilliseconds = 5000;

        [UnmanagedCallersOnly(EntryPoint = "nx_init")]
        private static int Init()
        {
            byte* name = stackalloc byte[5] { (byte)'f', (byte)'a', (byte)'u', (byte)'l', (byte)'t' };
            long command = Kernel.RegisterCommand(name, 5, &Command);
            if (command <= 0) return (int)command;
            heldLock = Kernel.CreateLock();
            if (heldLock <= 0) return (int)heldLock;
            sleepQueue = Kernel.CreateWaitQueue();
            if (sleepQueue <= 0) return (int)sleepQueue;
            faultTimer = Kernel.CreateTimer(&FaultFromTimer, 0);
            if (faultTimer <= 0) return (int)faultTimer;
            smashTimer = Kernel.CreateTimer(&SmashSleeper, 0);
            if (smashTimer <= 0) return (int)smashTimer;
            Klog.Info("ready: `fault list` names the faults it can commit");
            return ApiStatus.Ok;
        }

        [UnmanagedCallersOnly(EntryPoint = "nx_exit")]
        private static void Exit() { }

        [UnmanagedCallersOnly]
        private static int Command(byte* args, int argsLength, byte* output, int capacity)
        {
            var reply = new CommandReply(output, capacity);
            string line = Ascii(args, argsLength);
            int space = line.AsSpan().IndexOf(' ');
            string name = space < 0 ? line : line.Substring(0, space);
            string argument = space < 0 ? "" : line.Substring(space + 1);
            if (name == "" || name == "list")
            {
                // Names and descriptions apart by at least two spaces: the campaign's parser relies on it.
                for (int i = 0; i < FaultClass.Names.Length; i++) reply.Line($"{FaultClass.Names[i],-22}{FaultClass.Descriptions[i]}");
                return reply.Length;
            }
            ulong address = 0;
            if (argument.Length > 0 && !NumberFormat.TryParseUnsigned(argument, out address))
            {
                reply.Line($"fault: '{argument}' is not an address");
                return reply.Length;
            }
            if (!Commit(name, address, ref reply)) reply.Line($"fault: unknown class '{name}' (try `fault list`)");
            return reply.Length;
        }

        private static bool Commit(string name, ulong address, ref CommandReply reply)
        {
            switch (name)
            {
                case "null-deref": reply.Line($"read {*(int*)Null()}"); break;
                case "wild-write":
                    if (address == 0) { reply.Line("fault: wild-write needs the canary address (`nooks checksum` shows it)"); return true; }
                    *(ulong*)address = 0xBAD0BAD0BAD0BAD0; reply.Line($"wrote kernel data at 0x{address:x}"); break;
                case "cross-domain-write":
                    if (address == 0) { reply.Line("fault: cross-domain-write needs an address in another extension (`nooks extensions`)"); return true; }
                    *(ulong*)address = 0xBAD0BAD0BAD0BAD0; reply.Line($"wrote 0x{address:x}"); break;
                case "write-text":
                    *(byte*)(address != 0 ? address : KernelTextStart) = 0xCC; reply.Line("wrote kernel text"); break;
                case "stack-overflow": reply.Line($"depth {Recurse(0)}"); break;
                case "div-zero": reply.Line($"quotient {100 / zero}"); break;
                case "invalid-opcode": InvalidOpcode(); break;
                case "bad-pointer-arg":
                    Kernel.Log(LogLevel.Info, (byte*)(address != 0 ? address : UnmappedAddress), 16);
                    reply.Line("the kernel accepted a bad pointer");
                    break;
                case "foreign-free": reply.Line($"free returned {Kernel.Free((void*)(KernelTextStart + 0x1000))}"); break;
                case "double-free":
                    void* block = Kernel.Allocate(4096);
                    int first = Kernel.Free(block);
                    reply.Line($"free returned {first}, then {Kernel.Free(block)}");
                    break;
                case "lock-held":
                    reply.Line($"lock {heldLock}: acquire returned {Kernel.AcquireLock(heldLock)}; returning with it held");
                    break;
                case "leak":
                    void* leaked = Kernel.Allocate(LeakBytes);
                    reply.Line($"allocated {LeakBytes} bytes at 0x{(ulong)leaked:x} and kept them");
                    break;
                case "throw": reply.Line($"element {small[small.Length + (int)address]}"); break;
                case "loop": SpinInterruptsOn(); break;
                case "loop-cli": SpinInterruptsOff(); break;
                case "sleep-with-lock":
                    int acquired = Kernel.AcquireLock(heldLock);
                    int slept = Kernel.WaitOnQueue(sleepQueue, SleepWithLockTimeoutMilliseconds);
                    if (acquired == ApiStatus.Ok) Kernel.ReleaseLock(heldLock);
                    reply.Line($"wait with a lock held returned {slept}");
                    break;
                case "queued-bad-free": reply.Line($"free returned {Kernel.FreePacket((long)UnmappedAddress)}"); break;
                case "fault-while-asleep":
                    Kernel.ArmTimer(faultTimer, FaultTimerMilliseconds);
                    reply.Line($"wait returned {Kernel.WaitOnQueue(sleepQueue, AsleepTimeoutMilliseconds)}: the fault did not wake the sleeper");
                    break;
                case "wild-read":
                    reply.Line($"read 0x{*(uint*)(address != 0 ? address : LocalApicBase):x8} at 0x{(address != 0 ? address : LocalApicBase):x}");
                    break;
                case "deadlock":
                    Kernel.AcquireLock(heldLock);
                    reply.Line($"second acquire returned {Kernel.AcquireLock(heldLock)}");
                    break;
                case "loop-in-kernel-call":
                    while (Kernel.Delay(DelayMicroseconds) == ApiStatus.Ok) { }
                    reply.Line("nk_delay_us failed");
                    break;
                case "smash-sleeper":
                    byte marker = 0;
                    sleeperFrame = &marker;
                    Kernel.ArmTimer(smashTimer, FaultTimerMilliseconds);
                    reply.Line($"wait returned {Kernel.WaitOnQueue(sleepQueue, AsleepTimeoutMilliseconds)} from a smashed stack");
                    break;
                default: return false;
            }
            return true;
        }

        // The timer behind fault-while-asleep: runs in interrupt context while the command's
        // thread sleeps in the extension.
        [UnmanagedCallersOnly]
        private static void FaultFromTimer(long context) => *(int*)Null() = (int)context;

        // The timer behind smash-sleeper: another thread's interrupt, writing over the sleeper's stack.
        [UnmanagedCallersOnly]
        private static void SmashSleeper(long context)
        {
            new Span<byte>(sleeperFrame - SmashBytes, SmashBytes).Clear();
            Kernel.WakeQueue(sleepQueue, 1);
        }

        // Keeps the compiler from folding the null dereference away.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void* Null() => (void*)nullAddress;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Recurse(int depth)
        {
            byte* frame = stackalloc byte[256];
            frame[0] = (byte)depth;
            return Recurse(depth + 1) + frame[0];
        }

        private static string Ascii(byte* bytes, int length)
        {
            Span<char> chars = stackalloc char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}
