using Nooks.Diagnostics;
using Nooks.Extensions;
using Nooks.Kernel.Memory;

namespace Nooks.Commands
{
    // `nooks`: the isolation manager's state and knobs.
    public static unsafe class NooksCommand
    {
        public static void Register() =>
            KernelCommands.Register("nooks", "nooks [checksum|extensions|objects NAME|events|wait-events SEQ [MS]|waiters|inject NAME|bench [N]|policy ...]  isolation manager state", &Run);

        private const string Usage = "usage: nooks [checksum|extensions|objects NAME|events|wait-events SEQ [TIMEOUT_MS]|waiters|inject NAME|bench [N]|policy [restart|disable|limit N T]]\n";

        private static string Run(string args)
        {
            ReadOnlySpanHelpers.SplitFirstWord(args, out string sub, out string rest);
            string output = Subcommand(sub, rest);
            KernelHeap.FreeObject(sub);
            KernelHeap.FreeObject(rest);
            return output;
        }

        private static string Subcommand(string sub, string rest)
        {
            switch (sub)
            {
                case "checksum":
                    return $"kernel checksum 0x{KernelIntegrity.Checksum():x8} (kernel text 0x{KernelLayout.TextStart:x}-0x{KernelLayout.TextEnd:x}, canary 0x{KernelIntegrity.CanaryAddress:x}+{KernelIntegrity.CanaryBytes})\n";
                case "extensions":
                    return Extensions();
                case "objects":
                    return Objects(rest);
                case "events":
                    return FaultLog.Report();
                case "wait-events":
                    return WaitEvents(rest);
                case "waiters":
                    return $"{FaultLog.Waiters}\n";
                case "calls":
                    return Isolation.Statistics.Report();
                case "inject":
                    return Inject(rest);
                case "bench":
                    return XpcBenchmark.Run(rest);
                case "policy":
                    return Recovery.RecoveryPolicy.Command(rest);
                case "":
                    return Extensions() + FaultLog.Report() + Recovery.RecoveryPolicy.Command("");
                default:
                    return $"nooks: unknown subcommand '{sub}'\n" + Usage;
            }
        }

        private const string WaitEventsUsage = "usage: nooks wait-events SEQ [TIMEOUT_MS]\n";
        private const ulong MaxWaitMilliseconds = 24UL * 60 * 60 * 1000;

        // `nooks wait-events SEQ [TIMEOUT_MS]`: blocks until an event numbered above SEQ exists
        // (or the timeout passes) and prints the events after SEQ, one a line, as `nooks events`
        // does without its header; nothing on timeout. The agent's loop.
        private static string WaitEvents(string args)
        {
            ReadOnlySpanHelpers.SplitFirstWord(args, out string seqText, out string timeoutText);
            ulong timeout = 0;
            bool ok = System.Text.NumberFormat.TryParseUnsigned(seqText, out ulong sequence) && sequence <= long.MaxValue
                && (timeoutText.Length == 0 || (System.Text.NumberFormat.TryParseUnsigned(timeoutText, out timeout) && timeout > 0 && timeout <= MaxWaitMilliseconds));
            KernelHeap.FreeObject(seqText);
            KernelHeap.FreeObject(timeoutText);
            return ok ? FaultLog.WaitSince((long)sequence, timeout) : WaitEventsUsage;
        }

        // Arms a real CPU fault inside the extension on the kernel's next call into it.
        private static string Inject(string name)
        {
            Extension e = ExtensionRegistry.Find(name);
            if (e == null || !e.IsRunning) return $"nooks inject: '{name}' is not a running extension\n";
            e.InjectFault = true;
            return $"{name}: a fault will be raised inside it on its next call from the kernel\n";
        }

        private static string Extensions()
        {
            var text = new System.Text.TextBuilder();
            text.Append("NAME         MODE      IMAGE                              TEXT                               DATA-END           PACKETS\n");
            for (int i = 0; i < ExtensionRegistry.Count; i++)
            {
                Extension e = ExtensionRegistry.At(i);
                if (e.Image == null) continue;
                text.Append($"{e.Name,-12} {ExtensionNames.Of(e.Mode),-9} 0x{e.Image.Base:x}+{e.Image.Size,-10} 0x{e.Image.TextStart:x}-0x{e.Image.TextEnd:x} 0x{e.Image.Base + e.Image.Size:x} {e.Tracker.CountOf(Api.ObjectKind.Packet),8}\n");
            }
            return text.Finish();
        }

        private static string Objects(string name)
        {
            Extension e = ExtensionRegistry.Find(name);
            if (e == null) return $"nooks objects: no extension '{name}'\n";
            var text = new System.Text.TextBuilder();
            text.Append($"{e.Name}: {e.Tracker.Count} objects, {e.Tracker.EntryPointCount} entry points\n");
            for (int i = 0; i < e.Tracker.Count; i++)
            {
                Tracking.TrackedObject o = e.Tracker[i];
                text.Append($"  {Tracking.ObjectKindNames.Of(o.Kind),-12} 0x{o.Value:x} {o.Size,8} bytes  from {Services.CallOrigin.Name(o.Origin)}\n");
            }
            Packets.PacketPool pool = e.Packets;
            if (pool != null)
                text.Append($"packet pool: {pool.Capacity} packets in {pool.Chunks} chunks: {pool.HeldByExtension} held by {e.Name}, {pool.HeldByKernel} with the kernel, {pool.Free} free\n");
            if (e.Domain != null)
                text.Append($"deferred: {e.Domain.Deferred.Done} calls in {e.Domain.Deferred.Batches} batches\n");
            return text.Finish();
        }
    }
}
