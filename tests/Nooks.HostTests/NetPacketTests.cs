using Nooks.Kernel.Net;

namespace Nooks.HostTests;

// The network stack's parsers and builders, on the same source files the kernel compiles.
public class NetPacketTests
{
    // A real ICMP echo request from 10.0.2.15 to 10.0.2.2 (IPv4 header and 8 bytes of data).
    private static byte[] Hex(string s) => Convert.FromHexString(s.Replace(" ", ""));

    [Fact]
    public void ChecksumOfRfc1071Example()
    {
        // RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2; the checksum is its complement.
        Assert.Equal((ushort)0x220d, Checksum.Compute(Hex("0001f203f4f5f6f7")));
    }

    [Fact]
    public void ChecksumPadsAnOddLastByte()
    {
        Assert.Equal(Checksum.Compute(Hex("0102 0300")), Checksum.Compute(Hex("0102 03")));
    }

    [Fact]
    public void Ipv4HeaderRoundTripsAndVerifies()
    {
        var packet = new byte[40];
        uint src = Ipv4Address.Make(10, 0, 2, 15), dst = Ipv4Address.Make(10, 0, 2, 2);
        int n = Ipv4Header.Write(packet, Ipv4Header.ProtocolUdp, src, dst, 20, 0x1234, 64);
        Assert.Equal(20, n);
        Assert.Equal(Ipv4Error.None, Ipv4Header.TryRead(packet, out Ipv4Header h));
        Assert.Equal(src, h.Source);
        Assert.Equal(dst, h.Destination);
        Assert.Equal(Ipv4Header.ProtocolUdp, h.Protocol);
        Assert.Equal(40, h.TotalLength);
        Assert.Equal(20, h.PayloadLength);
        Assert.Equal((byte)64, h.Ttl);
    }

    [Fact]
    public void Ipv4KnownHeaderChecksum()
    {
        // Wikipedia's example header: checksum b861.
        byte[] header = Hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");
        Assert.Equal(0, Checksum.Compute(header));
        var packet = new byte[0x73];
        header.CopyTo(packet, 0);
        Assert.Equal(Ipv4Error.None, Ipv4Header.TryRead(packet, out _));
    }

    [Fact]
    public void Ipv4RejectsBadPackets()
    {
        var packet = new byte[28];
        Ipv4Header.Write(packet, Ipv4Header.ProtocolIcmp, 1, 2, 8, 1, 64);
        Assert.Equal(Ipv4Error.TooShort, Ipv4Header.TryRead(packet.AsSpan(0, 19), out _));
        Assert.Equal(Ipv4Error.BadTotalLength, Ipv4Header.TryRead(packet.AsSpan(0, 27), out _));

        byte[] corrupt = (byte[])packet.Clone();
        corrupt[8] ^= 1;   // TTL changed, checksum not
        Assert.Equal(Ipv4Error.BadChecksum, Ipv4Header.TryRead(corrupt, out _));

        byte[] v6 = (byte[])packet.Clone();
        v6[0] = 0x65;
        Assert.Equal(Ipv4Error.NotVersion4, Ipv4Header.TryRead(v6, out _));

        byte[] shortHeader = (byte[])packet.Clone();
        shortHeader[0] = 0x44;
        Assert.Equal(Ipv4Error.BadHeaderLength, Ipv4Header.TryRead(shortHeader, out _));
    }

    [Fact]
    public void Ipv4DropsFragments()
    {
        var packet = new byte[28];
        Ipv4Header.Write(packet, Ipv4Header.ProtocolUdp, 1, 2, 8, 1, 64);
        packet[6] = 0x20;   // more fragments
        packet[10] = packet[11] = 0;
        ushort c = Checksum.Compute(packet.AsSpan(0, 20));
        packet[10] = (byte)(c >> 8);
        packet[11] = (byte)c;
        Assert.Equal(Ipv4Error.Fragment, Ipv4Header.TryRead(packet, out _));
    }

    [Fact]
    public void ArpRequestRoundTrips()
    {
        var p = new byte[ArpPacket.Length];
        ArpPacket.Write(p, ArpPacket.Request, 0x525400123456, Ipv4Address.Make(10, 0, 2, 15), 0, Ipv4Address.Make(10, 0, 2, 2));
        Assert.Equal(Hex("0001 0800 06 04 0001 525400123456 0a00020f 000000000000 0a000202"), p);
        Assert.True(ArpPacket.TryRead(p, out ArpPacket a));
        Assert.Equal(ArpPacket.Request, a.Operation);
        Assert.Equal(0x525400123456UL, a.SenderMac);
        Assert.Equal(Ipv4Address.Make(10, 0, 2, 2), a.TargetIp);
    }

    [Fact]
    public void ArpRejectsOtherProtocolsAndShortPackets()
    {
        var p = new byte[ArpPacket.Length];
        ArpPacket.Write(p, ArpPacket.Reply, 1, 2, 3, 4);
        Assert.False(ArpPacket.TryRead(p.AsSpan(0, 27), out _));
        p[2] = 0x86; p[3] = 0xdd;   // IPv6 protocol type
        Assert.False(ArpPacket.TryRead(p, out _));
    }

    [Fact]
    public void IcmpEchoChecksumsAndParses()
    {
        var m = new byte[IcmpHeader.Length + 56];
        for (int i = 0; i < 56; i++) m[8 + i] = (byte)i;
        IcmpHeader.WriteEcho(m, IcmpHeader.EchoRequest, 0x4e4b, 7);
        Assert.Equal(0, Checksum.Compute(m));
        Assert.True(IcmpHeader.TryRead(m, out IcmpHeader h));
        Assert.Equal(IcmpHeader.EchoRequest, h.Type);
        Assert.Equal((ushort)0x4e4b, h.Identifier);
        Assert.Equal((ushort)7, h.Sequence);
        m[20] ^= 0xff;
        Assert.False(IcmpHeader.TryRead(m, out _));
        Assert.False(IcmpHeader.TryRead(m.AsSpan(0, 7), out _));
    }

    [Fact]
    public void UdpChecksumCoversThePseudoHeader()
    {
        uint src = Ipv4Address.Make(10, 0, 2, 2), dst = Ipv4Address.Make(10, 0, 2, 15);
        var d = new byte[UdpHeader.Length + 5];
        "hello"u8.CopyTo(d.AsSpan(UdpHeader.Length));
        UdpHeader.Write(d, 40000, 7, 5, src, dst);
        Assert.Equal(UdpError.None, UdpHeader.TryRead(d, src, dst, out UdpHeader h));
        Assert.Equal((ushort)40000, h.SourcePort);
        Assert.Equal((ushort)7, h.DestinationPort);
        Assert.Equal(5, h.DataLength);
        // The same datagram claimed from another source fails the pseudo-header check.
        Assert.Equal(UdpError.BadChecksum, UdpHeader.TryRead(d, src + 1, dst, out _));
    }

    [Fact]
    public void UdpWithoutChecksumAndBadLengths()
    {
        var d = new byte[12];
        UdpHeader.Write(d, 1, 7, 4, 1, 2);
        d[6] = d[7] = 0;   // no checksum: accepted from any source
        Assert.Equal(UdpError.None, UdpHeader.TryRead(d, 99, 2, out _));
        Assert.Equal(UdpError.TooShort, UdpHeader.TryRead(d.AsSpan(0, 7), 1, 2, out _));
        d[4] = 0; d[5] = 40;   // longer than the packet
        Assert.Equal(UdpError.BadLength, UdpHeader.TryRead(d, 1, 2, out _));
        d[5] = 4;              // shorter than a header
        Assert.Equal(UdpError.BadLength, UdpHeader.TryRead(d, 1, 2, out _));
    }

    [Fact]
    public void EthernetHeaderAndAddresses()
    {
        var f = new byte[EthernetHeader.Length];
        EthernetHeader.Write(f, EthernetAddress.Broadcast, 0x525400123456, EthernetHeader.TypeArp);
        Assert.True(EthernetHeader.TryRead(f, out EthernetHeader h));
        Assert.Equal(EthernetAddress.Broadcast, h.Destination);
        Assert.Equal(EthernetHeader.TypeArp, h.Type);
        Assert.Equal("52:54:00:12:34:56", EthernetAddress.Format(h.Source, new char[EthernetAddress.MaxTextLength]).ToString());
        Assert.False(EthernetHeader.TryRead(f.AsSpan(0, 13), out _));
    }

    [Theory]
    [InlineData("10.0.2.15", true, 0x0A00020Fu)]
    [InlineData("255.255.255.255", true, 0xFFFFFFFFu)]
    [InlineData("10.0.2", false, 0u)]
    [InlineData("10.0.2.256", false, 0u)]
    [InlineData("10.0.2.1.5", false, 0u)]
    [InlineData("10..2.1", false, 0u)]
    [InlineData("a.b.c.d", false, 0u)]
    public void Ipv4AddressParsing(string text, bool ok, uint value)
    {
        Assert.Equal(ok, Ipv4Address.TryParse(text, out uint a));
        if (ok) { Assert.Equal(value, a); Assert.Equal(text, Ipv4Address.Format(a, new char[Ipv4Address.MaxTextLength]).ToString()); }
    }

    [Fact]
    public void Ipv4PrefixAndMask()
    {
        Assert.True(Ipv4Address.TryParseWithPrefix("192.168.1.9/16", out uint a, out int p));
        Assert.Equal(16, p);
        Assert.Equal(Ipv4Address.Make(192, 168, 1, 9), a);
        Assert.Equal(0xFFFF0000u, Ipv4Address.MaskOf(16));
        Assert.Equal(0u, Ipv4Address.MaskOf(0));
        Assert.False(Ipv4Address.TryParseWithPrefix("1.2.3.4/33", out _, out _));
    }
    [Theory]
    [InlineData("52:54:00:12:34:56", 0x525400123456UL)]
    [InlineData("02:AB:cd:EF:00:01", 0x02ABCDEF0001UL)]
    public void MacAddressesParse(string text, ulong expected)
    {
        Assert.True(EthernetAddress.TryParse(text, out ulong mac));
        Assert.Equal(expected, mac);
    }

    [Theory]
    [InlineData("")]
    [InlineData("52:54:00:12:34")]
    [InlineData("52:54:00:12:34:567")]
    [InlineData("52-54-00-12-34-56")]
    [InlineData("52:54:00:12:3g:56")]
    [InlineData("01:00:5e:00:00:01")]   // multicast: no interface's own address
    [InlineData("ff:ff:ff:ff:ff:ff")]
    public void BadMacAddressesAreRefused(string text)
    {
        Assert.False(EthernetAddress.TryParse(text, out ulong mac));
        Assert.Equal(EthernetAddress.None, mac);
    }
}
