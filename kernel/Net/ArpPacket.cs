using System;

namespace Nooks.Kernel.Net
{
    // An ARP packet for IPv4 over Ethernet (RFC 826): 28 bytes after the Ethernet header.
    public struct ArpPacket
    {
        public const int Length = 28;
        private const int HardwareTypeOffset = 0;
        private const int ProtocolTypeOffset = 2;
        private const int HardwareLengthOffset = 4;
        private const int ProtocolLengthOffset = 5;
        private const int OperationOffset = 6;
        private const int SenderMacOffset = 8;
        private const int SenderIpOffset = 14;
        private const int TargetMacOffset = 18;
        private const int TargetIpOffset = 24;
        private const ushort HardwareEthernet = 1;

        public const ushort Request = 1;
        public const ushort Reply = 2;

        public ushort Operation;
        public ulong SenderMac;
        public uint SenderIp;
        public ulong TargetMac;
        public uint TargetIp;

        // False for anything that is not Ethernet/IPv4 ARP or is cut short.
        public static bool TryRead(ReadOnlySpan<byte> p, out ArpPacket a)
        {
            a = default;
            if (p.Length < Length) return false;
            if (NetBytes.ReadU16(p, HardwareTypeOffset) != HardwareEthernet) return false;
            if (NetBytes.ReadU16(p, ProtocolTypeOffset) != EthernetHeader.TypeIpv4) return false;
            if (p[HardwareLengthOffset] != EthernetAddress.Length || p[ProtocolLengthOffset] != 4) return false;
            a.Operation = NetBytes.ReadU16(p, OperationOffset);
            a.SenderMac = EthernetAddress.Read(p, SenderMacOffset);
            a.SenderIp = NetBytes.ReadU32(p, SenderIpOffset);
            a.TargetMac = EthernetAddress.Read(p, TargetMacOffset);
            a.TargetIp = NetBytes.ReadU32(p, TargetIpOffset);
            return true;
        }

        public static void Write(Span<byte> p, ushort operation, ulong senderMac, uint senderIp, ulong targetMac, uint targetIp)
        {
            NetBytes.WriteU16(p, HardwareTypeOffset, HardwareEthernet);
            NetBytes.WriteU16(p, ProtocolTypeOffset, EthernetHeader.TypeIpv4);
            p[HardwareLengthOffset] = EthernetAddress.Length;
            p[ProtocolLengthOffset] = 4;
            NetBytes.WriteU16(p, OperationOffset, operation);
            EthernetAddress.Write(p, SenderMacOffset, senderMac);
            NetBytes.WriteU32(p, SenderIpOffset, senderIp);
            EthernetAddress.Write(p, TargetMacOffset, targetMac);
            NetBytes.WriteU32(p, TargetIpOffset, targetIp);
        }
    }
}
