using System;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;

namespace Nooks.Kernel.Net
{
    // Entry points of the network stack. Frames arrive from drivers (in interrupt context, or
    // after an isolated driver's crossing returns) and go out through NetDevice.Transmit. The
    // stack runs with interrupts off: on the one CPU the kernel schedules on, that serialises
    // receive, transmit and the commands without locks.
    public static unsafe class NetStack
    {
        private static readonly byte[] transmitBuffer = new byte[EthernetHeader.MaximumFrame];
        private static bool transmitBusy;
        private const ulong PollNanos = 250 * Time.Clock.NanosPerMillisecond;
        private static ulong lastPoll;

        public static void Initialize(string commandLine)
        {
            NetConfig.FromCommandLine(commandLine);
            Udp.Initialize();
            UdpEcho.Start();
            NetCommands.Register();
            Span<char> address = stackalloc char[Ipv4Address.MaxTextLength];
            Span<char> gateway = stackalloc char[Ipv4Address.MaxTextLength];
            Log.Info("net", $"stack ready: eth0 will be {Ipv4Address.Format(NetConfig.Address, address)}/{NetConfig.PrefixLength}, gateway {Ipv4Address.Format(NetConfig.Gateway, gateway)}");
        }

        // Periodic work (ARP retries, expiry of packets waiting for resolution), run by whoever
        // waits on the network: the ping loop today. A kernel thread of its own made the
        // threads branch's console lose the first byte typed after the prompt; to revisit.
        public static void Poll()
        {
            ulong now = Time.Clock.UptimeNanos;
            if (now - lastPoll < PollNanos) return;
            lastPoll = now;
            ulong flags = Cpu.SaveAndDisableInterrupts();
            ArpPending.Retry();
            Cpu.RestoreInterrupts(flags);
        }

        // A new interface: the first gets the static configuration and comes up.
        public static void Configure(NetDevice d)
        {
            if (NetDevices.Count != 1) return;
            d.Address = NetConfig.Address;
            d.PrefixLength = NetConfig.PrefixLength;
            d.Gateway = NetConfig.Gateway;
            d.IsUp = true;
        }

        // One received Ethernet frame (without FCS). Never fails: bad frames are counted.
        public static void Receive(NetDevice d, ReadOnlySpan<byte> frame)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            if (!d.IsUp) { d.RxDrops++; Cpu.RestoreInterrupts(flags); return; }
            d.RxPackets++;
            d.RxBytes += (ulong)frame.Length;
            if (!EthernetHeader.TryRead(frame, out EthernetHeader eth))
            {
                NetStats.EthernetShort++;
                d.RxErrors++;
            }
            else if (eth.Destination != d.Mac && eth.Destination != EthernetAddress.Broadcast)
            {
                NetStats.EthernetNotForUs++;
            }
            else
            {
                ReadOnlySpan<byte> payload = frame.Slice(EthernetHeader.Length);
                if (eth.Type == EthernetHeader.TypeArp) Arp.Receive(d, payload);
                else if (eth.Type == EthernetHeader.TypeIpv4) Ipv4.Receive(d, payload);
                else NetStats.EthernetUnknownType++;
            }
            Cpu.RestoreInterrupts(flags);
        }

        // The one transmit buffer, for building a frame; null if a frame is being built already
        // (a send reached from inside another send): the caller drops its frame.
        public static byte* TakeTransmitBuffer()
        {
            if (transmitBusy) { NetStats.TxBufferBusy++; return null; }
            transmitBusy = true;
            fixed (byte* b = transmitBuffer) return b;
        }

        public static void ReturnTransmitBuffer() => transmitBusy = false;

        // Sends the Ethernet frame built in the transmit buffer (payload already written after
        // the header), padded to the minimum length, and gives the buffer back.
        public static bool SendFrame(NetDevice d, byte* buffer, ulong destination, ushort type, int payloadLength)
        {
            var frame = new Span<byte>(buffer, EthernetHeader.MaximumFrame);
            EthernetHeader.Write(frame, destination, d.Mac, type);
            int length = EthernetHeader.Length + payloadLength;
            while (length < EthernetHeader.MinimumFrame) buffer[length++] = 0;
            bool sent = d.Transmit(buffer, length);
            ReturnTransmitBuffer();
            return sent;
        }
    }
}
