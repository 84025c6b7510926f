using System;

namespace Nooks.Kernel.Net
{
    // A UDP port bound in the kernel: received datagrams either go to a handler at once (kernel
    // services such as echo) or wait in a small queue for TryReceive.
    public sealed unsafe class UdpSocket
    {
        public const int QueueCapacity = 16;
        public const int MaxData = Ipv4.MaxPayload - UdpHeader.Length;

        public readonly ushort Port;
        public readonly delegate*<UdpSocket, uint, ushort, ReadOnlySpan<byte>, void> Handler;
        private readonly byte[] data = new byte[QueueCapacity * MaxData];
        private readonly int[] lengths = new int[QueueCapacity];
        private readonly uint[] sources = new uint[QueueCapacity];
        private readonly ushort[] sourcePorts = new ushort[QueueCapacity];
        private int head, count;
        public ulong Received, Dropped;

        public UdpSocket(ushort port, delegate*<UdpSocket, uint, ushort, ReadOnlySpan<byte>, void> handler)
        {
            Port = port;
            Handler = handler;
        }

        public int Queued => count;

        public void Deliver(uint source, ushort sourcePort, ReadOnlySpan<byte> datagram)
        {
            Received++;
            if (Handler != null) { Handler(this, source, sourcePort, datagram); return; }
            if (count == QueueCapacity || datagram.Length > MaxData) { Dropped++; NetStats.UdpQueueFull++; return; }
            int slot = (head + count) % QueueCapacity;
            NetBytes.Copy(datagram, data.AsSpan(slot * MaxData, datagram.Length));
            lengths[slot] = datagram.Length;
            sources[slot] = source;
            sourcePorts[slot] = sourcePort;
            count++;
        }

        // The oldest queued datagram copied into `buffer` (truncated to fit); -1 if none.
        public int TryReceive(Span<byte> buffer, out uint source, out ushort sourcePort)
        {
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            if (count == 0) { Arch.Cpu.RestoreInterrupts(flags); source = 0; sourcePort = 0; return -1; }
            int n = lengths[head] < buffer.Length ? lengths[head] : buffer.Length;
            NetBytes.Copy(data.AsSpan(head * MaxData, n), buffer);
            source = sources[head];
            sourcePort = sourcePorts[head];
            head = (head + 1) % QueueCapacity;
            count--;
            Arch.Cpu.RestoreInterrupts(flags);
            return n;
        }

        public int Send(uint destination, ushort destinationPort, ReadOnlySpan<byte> datagram) =>
            Udp.Send(destination, Port, destinationPort, datagram);
    }
}
