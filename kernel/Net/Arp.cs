using System;

namespace Nooks.Kernel.Net
{
    // ARP: answers requests for our addresses, learns from requests and replies addressed to
    // us, and asks for next hops the IPv4 layer needs.
    public static unsafe class Arp
    {
        public static void Receive(NetDevice d, ReadOnlySpan<byte> packet)
        {
            if (!ArpPacket.TryRead(packet, out ArpPacket a)) { NetStats.ArpBad++; return; }
            if (d.Address == 0 || a.TargetIp != d.Address) return;
            if (a.SenderIp != 0) ArpCache.Update(d, a.SenderIp, a.SenderMac);
            if (a.Operation == ArpPacket.Request)
            {
                Send(d, ArpPacket.Reply, a.SenderMac, a.SenderMac, a.SenderIp);
                NetStats.ArpRequestsAnswered++;
            }
            else if (a.Operation == ArpPacket.Reply)
            {
                NetStats.ArpRepliesReceived++;
            }
            if (a.SenderIp != 0) ArpPending.Resolved(d, a.SenderIp, a.SenderMac);
        }

        public static void Request(NetDevice d, uint ip)
        {
            Send(d, ArpPacket.Request, EthernetAddress.Broadcast, EthernetAddress.None, ip);
            NetStats.ArpRequestsSent++;
        }

        private static void Send(NetDevice d, ushort operation, ulong frameDestination, ulong targetMac, uint targetIp)
        {
            byte* b = NetStack.TakeTransmitBuffer();
            if (b == null) return;
            ArpPacket.Write(new Span<byte>(b + EthernetHeader.Length, ArpPacket.Length), operation, d.Mac, d.Address, targetMac, targetIp);
            NetStack.SendFrame(d, b, frameDestination, EthernetHeader.TypeArp, ArpPacket.Length);
        }
    }
}
