namespace Nooks.Kernel.Net
{
    // Stack-wide counters of what was dropped and why, for the "net" report.
    public static class NetStats
    {
        public static ulong EthernetShort, EthernetNotForUs, EthernetUnknownType;
        public static ulong ArpBad, ArpRequestsAnswered, ArpRepliesReceived, ArpRequestsSent, ArpPendingDropped;
        public static ulong IpReceived, IpBadHeader, IpBadChecksum, IpFragmentsDropped, IpNotForUs, IpUnknownProtocol, IpSent, IpNoRoute;
        public static ulong IcmpBad, IcmpEchoAnswered, IcmpEchoRepliesReceived;
        public static ulong UdpReceived, UdpBad, UdpNoPort, UdpQueueFull, UdpSent;
        public static ulong TxBufferBusy;
    }
}
