using System;

namespace Nooks.Kernel.Net
{
    // ICMP: answers echo requests, hands echo replies to the ping in progress, sends pings.
    public static unsafe class Icmp
    {
        public static void Receive(NetDevice d, in Ipv4Header ip, ReadOnlySpan<byte> message)
        {
            if (!IcmpHeader.TryRead(message, out IcmpHeader h)) { NetStats.IcmpBad++; return; }
            if (h.Type == IcmpHeader.EchoRequest && h.Code == 0)
            {
                if (message.Length > Ipv4.MaxPayload) return;
                byte* b = NetStack.TakeTransmitBuffer();
                if (b == null) return;
                var reply = new Span<byte>(b + Ipv4.PayloadOffset, message.Length);
                NetBytes.Copy(message.Slice(IcmpHeader.Length), reply.Slice(IcmpHeader.Length));
                IcmpHeader.WriteEcho(reply, IcmpHeader.EchoReply, h.Identifier, h.Sequence);
                Ipv4.SendBuilt(d, b, ip.Source, Ipv4Header.ProtocolIcmp, message.Length);
                NetStats.IcmpEchoAnswered++;
            }
            else if (h.Type == IcmpHeader.EchoReply)
            {
                NetStats.IcmpEchoRepliesReceived++;
                Ping.OnEchoReply(ip.Source, h.Identifier, h.Sequence, ip.Ttl, message.Length - IcmpHeader.Length);
            }
        }

        // An echo request with `dataLength` bytes of pattern data; false if it could not be sent.
        public static bool SendEcho(uint destination, ushort identifier, ushort sequence, int dataLength)
        {
            NetDevice d = NetDevices.Route(destination);
            if (d == null) { NetStats.IpNoRoute++; return false; }
            byte* b = NetStack.TakeTransmitBuffer();
            if (b == null) return false;
            var message = new Span<byte>(b + Ipv4.PayloadOffset, IcmpHeader.Length + dataLength);
            for (int i = 0; i < dataLength; i++) message[IcmpHeader.Length + i] = (byte)(0x10 + i);
            IcmpHeader.WriteEcho(message, IcmpHeader.EchoRequest, identifier, sequence);
            return Ipv4.SendBuilt(d, b, destination, Ipv4Header.ProtocolIcmp, message.Length);
        }
    }
}
