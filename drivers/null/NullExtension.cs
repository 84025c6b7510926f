using System.Runtime.InteropServices;
using Nooks.Api;
using Nooks.Extension;

namespace Nooks.Drivers.Null
{
    // An extension that does nothing, so that `nooks bench` can measure what the isolation path
    // itself costs (RedLeaf's nullnet, for Nooks): an empty entry point the kernel calls, and a
    // loop of the cheapest kernel call. Loaded twice (native and isolated) in one run. Its one
    // command, `null-sleep MS`, sleeps on a wait queue until a timer wakes it: blocking inside
    // an extension, with the rest of the system running meanwhile.
    public static unsafe class NullExtension
    {
        private const int MaxSleepMilliseconds = 600000;
        // How much later than its timer a sleeper gives up: the timer has clearly not fired.
        private const int SleepSlackMilliseconds = 1000;
        private const ulong NanosPerMillisecond = 1000000;
        private static long sleepQueue, wakeTimer;

        [UnmanagedCallersOnly(EntryPoint = "nx_init")]
        private static int Init()
        {
            sleepQueue = Kernel.CreateWaitQueue();
            if (sleepQueue <= 0) return (int)sleepQueue;
            wakeTimer = Kernel.CreateTimer(&WakeSleeper, 0);
            if (wakeTimer <= 0) return (int)wakeTimer;
            byte* name = stackalloc byte[10] { (byte)'n', (byte)'u', (byte)'l', (byte)'l', (byte)'-', (byte)'s', (byte)'l', (byte)'e', (byte)'e', (byte)'p' };
            long command = Kernel.RegisterCommand(name, 10, &Sleep);
            // A second instance of the image (`nooks bench` loads one native and one isolated)
            // finds the name taken: it works without the command.
            if (command == ApiStatus.Busy) Klog.Info("null-sleep belongs to another instance of this image");
            else if (command <= 0) return (int)command;
            return ApiStatus.Ok;
        }

        [UnmanagedCallersOnly(EntryPoint = "nx_exit")]
        private static void Exit() { }

        // The empty call into the extension.
        [UnmanagedCallersOnly(EntryPoint = "nx_null")]
        private static long Null(long value) => value;

        // `count` calls out of the extension into the kernel.
        [UnmanagedCallersOnly(EntryPoint = "nx_call_kernel")]
        private static long CallKernel(long count)
        {
            ulong sum = 0;
            for (long i = 0; i < count; i++) sum += Kernel.UptimeNanoseconds();
            return (long)(sum & 1);
        }

        [UnmanagedCallersOnly]
        private static void WakeSleeper(long context) => Kernel.WakeQueue(sleepQueue, 1);

        [UnmanagedCallersOnly]
        private static int Sleep(byte* args, int argsLength, byte* output, int capacity)
        {
            var reply = new CommandReply(output, capacity);
            ulong milliseconds = 0;
            bool valid = argsLength > 0;
            for (int i = 0; i < argsLength && valid; i++)
            {
                valid = args[i] >= (byte)'0' && args[i] <= (byte)'9';
                milliseconds = milliseconds * 10 + (ulong)(args[i] - (byte)'0');
                valid &= milliseconds <= MaxSleepMilliseconds;
            }
            if (!valid)
            {
                reply.Line($"usage: null-sleep MS (0..{MaxSleepMilliseconds})");
                return reply.Length;
            }
            ulong started = Kernel.UptimeNanoseconds();
            Kernel.ArmTimer(wakeTimer, (int)milliseconds);
            int status = Kernel.WaitOnQueue(sleepQueue, (int)milliseconds + SleepSlackMilliseconds);
            ulong slept = (Kernel.UptimeNanoseconds() - started) / NanosPerMillisecond;
            if (status == ApiStatus.Ok) reply.Line($"slept {slept} ms, woken by the timer");
            else reply.Line($"wait returned {status} after {slept} ms");
            return reply.Length;
        }
    }
}
