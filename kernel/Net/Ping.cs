using System;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Threading;
using Nooks.Kernel.Time;

namespace Nooks.Kernel.Net
{
    // ICMP echo from the kernel (the `ping` command): one request at a time, its reply matched
    // by identifier and sequence and timed from the TSC when it arrives.
    public static class Ping
    {
        public const int DataLength = 56;
        public const ulong TimeoutMillis = 1000;
        public const ulong IntervalMillis = 1000;
        // Times are printed in milliseconds with three decimals, straight into the line: a
        // helper returning a string would leave one on the heap per reply.
        private const ulong MicrosPerMilli = 1000;

        private static ushort identifier = 0x4E4B;   // "NK"
        private static uint expectedFrom;
        private static ushort expectedSequence;
        private static bool waiting;
        private static ulong sentTsc;
        private static bool replied;
        private static ulong rttNanos;
        private static byte replyTtl;
        private static int replyBytes;

        public static void OnEchoReply(uint source, ushort id, ushort sequence, byte ttl, int dataLength)
        {
            if (!waiting || id != identifier || sequence != expectedSequence || source != expectedFrom) return;
            rttNanos = Clock.TscToNanos(Cpu.ReadTsc() - sentTsc);
            replyTtl = ttl;
            replyBytes = dataLength + IcmpHeader.Length;
            replied = true;
            waiting = false;
        }

        // Linux-like output of `count` pings to `destination`, one a second, written to the
        // terminal as the replies come; returns the number of replies.
        public static int Run(uint destination, int count)
        {
            Span<char> hostText = stackalloc char[Ipv4Address.MaxTextLength];
            ReadOnlySpan<char> host = Ipv4Address.Format(destination, hostText);
            Console.Terminal.Write($"PING {host} ({host}) {DataLength}({DataLength + IcmpHeader.Length + Ipv4Header.MinimumLength}) bytes of data.\n");
            identifier++;
            int received = 0;
            ulong min = ulong.MaxValue, max = 0, sum = 0, sumSquares = 0;
            ulong started = Clock.UptimeNanos;
            for (int seq = 1; seq <= count; seq++)
            {
                ulong sendAt = Clock.UptimeNanos;
                ulong flags = Cpu.SaveAndDisableInterrupts();
                expectedFrom = destination;
                expectedSequence = (ushort)seq;
                replied = false;
                waiting = true;
                sentTsc = Cpu.ReadTsc();
                bool sent = Icmp.SendEcho(destination, identifier, (ushort)seq, DataLength);
                Cpu.RestoreInterrupts(flags);
                if (!sent && NetDevices.Route(destination) == null)
                {
                    waiting = false;
                    Console.Terminal.Write("ping: connect: Network is unreachable\n");
                    return 0;
                }
                while (!replied && Clock.UptimeNanos - sendAt < TimeoutMillis * Clock.NanosPerMillisecond)
                {
                    Scheduler.Sleep(1);
                    NetStack.Poll();
                }
                waiting = false;
                if (replied)
                {
                    received++;
                    ulong us = rttNanos / 1000;
                    if (us < min) min = us;
                    if (us > max) max = us;
                    sum += us;
                    sumSquares += us * us;
                    Console.Terminal.Write($"{replyBytes} bytes from {host}: icmp_seq={seq} ttl={replyTtl} time={us / MicrosPerMilli}.{us % MicrosPerMilli:D3} ms\n");
                }
                if (seq < count)
                {
                    ulong elapsed = (Clock.UptimeNanos - sendAt) / Clock.NanosPerMillisecond;
                    if (elapsed < IntervalMillis) Scheduler.Sleep(IntervalMillis - elapsed);
                }
            }
            ulong totalMs = (Clock.UptimeNanos - started) / Clock.NanosPerMillisecond;
            int loss = count == 0 ? 0 : (count - received) * 100 / count;
            Console.Terminal.Write($"\n--- {host} ping statistics ---\n{count} packets transmitted, {received} received, {loss}% packet loss, time {totalMs}ms\n");
            if (received > 0)
            {
                ulong avg = sum / (ulong)received;
                ulong variance = sumSquares / (ulong)received - avg * avg;
                ulong mdev = SquareRoot(variance);
                Console.Terminal.Write($"rtt min/avg/max/mdev = {min / MicrosPerMilli}.{min % MicrosPerMilli:D3}/{avg / MicrosPerMilli}.{avg % MicrosPerMilli:D3}/{max / MicrosPerMilli}.{max % MicrosPerMilli:D3}/{mdev / MicrosPerMilli}.{mdev % MicrosPerMilli:D3} ms\n");
            }
            return received;
        }

        private static ulong SquareRoot(ulong n)
        {
            ulong r = 0;
            while ((r + 1) * (r + 1) <= n) r++;
            return r;
        }
    }
}
