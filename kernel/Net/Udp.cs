using System;
using Nooks.Api;

namespace Nooks.Kernel.Net
{
    // UDP: demultiplexing to bound sockets by destination port, and sending.
    public static unsafe class Udp
    {
        public const int MaxSockets = 16;
        private static readonly UdpSocket[] sockets = new UdpSocket[MaxSockets];

        public static void Initialize() { }

        public static UdpSocket Bind(ushort port, delegate*<UdpSocket, uint, ushort, ReadOnlySpan<byte>, void> handler = null)
        {
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            UdpSocket s = null;
            int free = -1;
            for (int i = 0; i < MaxSockets; i++)
            {
                if (sockets[i] != null && sockets[i].Port == port) { free = -2; break; }
                if (free == -1 && sockets[i] == null) free = i;
            }
            if (free >= 0) s = sockets[free] = new UdpSocket(port, handler);
            Arch.Cpu.RestoreInterrupts(flags);
            return s;
        }

        public static void Close(UdpSocket s)
        {
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            for (int i = 0; i < MaxSockets; i++) if (sockets[i] == s) sockets[i] = null;
            Arch.Cpu.RestoreInterrupts(flags);
        }

        public static int SocketCount
        {
            get { int n = 0; for (int i = 0; i < MaxSockets; i++) if (sockets[i] != null) n++; return n; }
        }

        public static UdpSocket SocketAt(int index)
        {
            for (int i = 0; i < MaxSockets; i++) if (sockets[i] != null && index-- == 0) return sockets[i];
            return null;
        }

        public static void Receive(NetDevice d, in Ipv4Header ip, ReadOnlySpan<byte> datagram)
        {
            if (UdpHeader.TryRead(datagram, ip.Source, ip.Destination, out UdpHeader h) != UdpError.None)
            {
                NetStats.UdpBad++;
                d.RxErrors++;
                return;
            }
            NetStats.UdpReceived++;
            for (int i = 0; i < MaxSockets; i++)
                if (sockets[i] != null && sockets[i].Port == h.DestinationPort)
                {
                    sockets[i].Deliver(ip.Source, h.SourcePort, datagram.Slice(UdpHeader.Length, h.DataLength));
                    return;
                }
            NetStats.UdpNoPort++;
        }

        // Sends one datagram; returns the data length or a negative ApiStatus.
        public static int Send(uint destination, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> data)
        {
            if (data.Length > UdpSocket.MaxData) return ApiStatus.Invalid;
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            int result = ApiStatus.NoDevice;
            NetDevice d = NetDevices.Route(destination);
            byte* b = d != null ? NetStack.TakeTransmitBuffer() : null;
            if (d == null) NetStats.IpNoRoute++;
            else if (b == null) result = ApiStatus.Busy;
            else
            {
                var datagram = new Span<byte>(b + Ipv4.PayloadOffset, UdpHeader.Length + data.Length);
                NetBytes.Copy(data, datagram.Slice(UdpHeader.Length));
                UdpHeader.Write(datagram, sourcePort, destinationPort, data.Length, d.Address, destination);
                NetStats.UdpSent++;
                result = Ipv4.SendBuilt(d, b, destination, Ipv4Header.ProtocolUdp, datagram.Length) ? data.Length : ApiStatus.Busy;
            }
            Arch.Cpu.RestoreInterrupts(flags);
            return result;
        }
    }
}
