using System;

namespace Nooks.Kernel.Net
{
    // IPv4 receive (validate, deliver to ICMP or UDP) and send (route, resolve, frame).
    public static unsafe class Ipv4
    {
        // Where a protocol writes its payload in the transmit buffer.
        public const int PayloadOffset = EthernetHeader.Length + Ipv4Header.MinimumLength;
        public const int MaxPayload = EthernetHeader.Mtu - Ipv4Header.MinimumLength;
        private static ushort nextIdentification = 1;

        public static void Receive(NetDevice d, ReadOnlySpan<byte> packet)
        {
            Ipv4Error e = Ipv4Header.TryRead(packet, out Ipv4Header h);
            if (e != Ipv4Error.None)
            {
                if (e == Ipv4Error.Fragment) NetStats.IpFragmentsDropped++;
                else if (e == Ipv4Error.BadChecksum) NetStats.IpBadChecksum++;
                else NetStats.IpBadHeader++;
                d.RxErrors++;
                return;
            }
            NetStats.IpReceived++;
            if (h.Destination != d.Address && h.Destination != Ipv4Address.Broadcast && h.Destination != (d.Address | ~d.Netmask))
            {
                NetStats.IpNotForUs++;
                return;
            }
            ReadOnlySpan<byte> payload = packet.Slice(h.HeaderLength, h.PayloadLength);
            if (h.Protocol == Ipv4Header.ProtocolIcmp) Icmp.Receive(d, h, payload);
            else if (h.Protocol == Ipv4Header.ProtocolUdp) Udp.Receive(d, h, payload);
            else NetStats.IpUnknownProtocol++;
        }

        // Sends the payload already written at PayloadOffset of a buffer from
        // NetStack.TakeTransmitBuffer (and gives the buffer back), or queues it until the next
        // hop is resolved. False if it was dropped.
        public static bool SendBuilt(NetDevice d, byte* buffer, uint destination, byte protocol, int payloadLength)
        {
            var packet = new Span<byte>(buffer + EthernetHeader.Length, Ipv4Header.MinimumLength + payloadLength);
            Ipv4Header.Write(packet, protocol, d.Address, destination, payloadLength, nextIdentification++, Ipv4Header.DefaultTtl);
            NetStats.IpSent++;
            if (destination == Ipv4Address.Broadcast || destination == (d.Address | ~d.Netmask))
                return NetStack.SendFrame(d, buffer, EthernetAddress.Broadcast, EthernetHeader.TypeIpv4, packet.Length);
            uint nextHop = (destination & d.Netmask) == (d.Address & d.Netmask) ? destination : d.Gateway;
            if (ArpCache.TryLookup(d, nextHop, out ulong mac))
                return NetStack.SendFrame(d, buffer, mac, EthernetHeader.TypeIpv4, packet.Length);
            bool queued = ArpPending.Enqueue(d, nextHop, packet);
            NetStack.ReturnTransmitBuffer();
            Arp.Request(d, nextHop);
            return queued;
        }
    }
}
