using System;
using Nooks.Commands;
using Nooks.Kernel.Info;

namespace Nooks.Kernel.Net
{
    // The shell's view of the network: ping, ifconfig, and the "net" report.
    public static unsafe class NetCommands
    {
        private const int DefaultPingCount = 4;
        private const int MaxPingCount = 1000;

        public static void Register()
        {
            KernelCommands.Register("ping", "ping [-c N] HOST  send ICMP echo requests, one a second", &PingCommand);
            KernelCommands.Register("ifconfig", "ifconfig [IFACE [up|down|promisc|-promisc|hw MAC]]  show or change network interfaces", &Ifconfig);
            KernelCommands.Register("netstat", "netstat  the \"net\" report: interfaces, ARP cache, protocol counters, UDP ports", &Netstat);
            KernelInfo.Register("net", &Report);
        }

        private static string PingCommand(string args)
        {
            int count = DefaultPingCount;
            ReadOnlySpan<char> host = default;
            ReadOnlySpan<char> rest = ((ReadOnlySpan<char>)args).Trim();
            while (rest.Length > 0)
            {
                int space = rest.IndexOf(' ');
                ReadOnlySpan<char> word = space < 0 ? rest : rest.Slice(0, space);
                rest = space < 0 ? default : rest.Slice(space + 1).Trim();
                if (word.SequenceEqual("-c"))
                {
                    int end = rest.IndexOf(' ');
                    ReadOnlySpan<char> n = end < 0 ? rest : rest.Slice(0, end);
                    rest = end < 0 ? default : rest.Slice(end + 1).Trim();
                    if (!System.Text.NumberFormat.TryParseDecimal(n, out count) || count < 1 || count > MaxPingCount)
                        return $"ping: invalid count (1..{MaxPingCount})\n";
                }
                else host = word;
            }
            if (host.IsEmpty) return "usage: ping [-c N] HOST\n";
            if (!Ipv4Address.TryParse(host, out uint destination)) return $"ping: {host}: Name or service not known\n";
            Ping.Run(destination, count);
            return "";
        }

        private const string HardwareAddressVerb = "hw ";

        private static string Ifconfig(string args)
        {
            ReadOnlySpanHelpers.SplitFirstWord(args, out string name, out string action);
            if (name.Length == 0)
            {
                if (NetDevices.Count == 0) return "no network interfaces (load a NIC driver: insmod e1000)\n";
                var all = new System.Text.TextBuilder();
                AppendInterfaces(all);
                return all.Finish();
            }
            NetDevice d = NetDevices.Find(name);
            if (d == null) return $"ifconfig: {name}: no such interface\n";
            if (action.Length == 0) return Describe(d);
            bool setMac = action.StartsWith(HardwareAddressVerb);
            ulong mac = EthernetAddress.None;
            if (setMac && !EthernetAddress.TryParse(((ReadOnlySpan<char>)action).Slice(HardwareAddressVerb.Length).Trim(), out mac))
                return $"ifconfig: '{action}': not a unicast MAC address (like hw 52:54:00:12:34:56)\n";
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            int r = 0;
            bool known = true;
            if (setMac) r = d.SetMac(mac);
            else if (action == "up") r = d.SetUp(true);
            else if (action == "down") r = d.SetUp(false);
            else if (action == "promisc") r = d.SetReceiveMode(Api.ReceiveMode.Promiscuous);
            else if (action == "-promisc") r = d.SetReceiveMode(Api.ReceiveMode.Unicast);
            else known = false;
            Arch.Cpu.RestoreInterrupts(flags);
            if (!known) return $"ifconfig: unknown action '{action}' (up, down, promisc, -promisc, hw MAC)\n";
            return r < 0 ? $"ifconfig: {name}: the driver refused ({r})\n" : Describe(d);
        }

        // One string, the line's parts formatted into it or into stack buffers: the flags built
        // with += and the addresses as strings were left on the heap by every ifconfig.
        public static string Describe(NetDevice d)
        {
            Span<char> address = stackalloc char[Ipv4Address.MaxTextLength];
            Span<char> netmask = stackalloc char[Ipv4Address.MaxTextLength];
            Span<char> gateway = stackalloc char[Ipv4Address.MaxTextLength];
            Span<char> mac = stackalloc char[EthernetAddress.MaxTextLength];
            return $"{d.Name}: flags=<{(d.IsUp ? "UP" : "DOWN")}{(d.IsRunning ? ",RUNNING" : "")}{(d.ReceiveMode == Api.ReceiveMode.Promiscuous ? ",PROMISC" : "")}>" +
                $"  mtu {EthernetHeader.Mtu}  driver {d.DriverName}{(d.IsAttached ? "" : " (detached)")}, attached {d.Attachments} times\n" +
                $"        inet {Ipv4Address.Format(d.Address, address)}  netmask {Ipv4Address.Format(d.Netmask, netmask)}  gateway {Ipv4Address.Format(d.Gateway, gateway)}\n" +
                $"        ether {EthernetAddress.Format(d.Mac, mac)}\n" +
                $"        RX packets {d.RxPackets}  bytes {d.RxBytes}  dropped {d.RxDrops}  errors {d.RxErrors}\n" +
                $"        TX packets {d.TxPackets}  bytes {d.TxBytes}  dropped {d.TxDrops}  errors {d.TxErrors}\n";
        }

        private static string Netstat(string args) => Report();

        private static void AppendInterfaces(System.Text.TextBuilder text)
        {
            for (int i = 0; i < NetDevices.Count; i++)
            {
                string d = Describe(NetDevices.At(i));
                text.Append(d);
                Memory.KernelHeap.FreeObject(d);
            }
        }

        private static string Report()
        {
            var text = new System.Text.TextBuilder();
            AppendInterfaces(text);
            text.Append("arp cache:\n");
            string arp = ArpCache.Report();
            text.Append(arp);
            Memory.KernelHeap.FreeObject(arp);
            text.Append($"arp: {NetStats.ArpRequestsAnswered} requests answered, {NetStats.ArpRequestsSent} sent, {NetStats.ArpRepliesReceived} replies, {NetStats.ArpBad} bad, {ArpPending.Count} packets waiting, {NetStats.ArpPendingDropped} dropped waiting\n");
            text.Append($"ethernet: {NetStats.EthernetShort} short, {NetStats.EthernetNotForUs} not for us, {NetStats.EthernetUnknownType} unknown type\n");
            text.Append($"ip: {NetStats.IpReceived} received, {NetStats.IpSent} sent, {NetStats.IpBadHeader} bad header, {NetStats.IpBadChecksum} bad checksum, {NetStats.IpFragmentsDropped} fragments dropped, {NetStats.IpNotForUs} not for us, {NetStats.IpUnknownProtocol} unknown protocol, {NetStats.IpNoRoute} no route\n");
            text.Append($"icmp: {NetStats.IcmpEchoAnswered} echo requests answered, {NetStats.IcmpEchoRepliesReceived} echo replies, {NetStats.IcmpBad} bad\n");
            text.Append($"udp: {NetStats.UdpReceived} received, {NetStats.UdpSent} sent, {NetStats.UdpBad} bad, {NetStats.UdpNoPort} to closed ports, {NetStats.UdpQueueFull} queue full; echo on port {UdpEcho.Port}: {UdpEcho.Echoed} datagrams\n");
            for (int i = 0; i < Udp.SocketCount; i++)
            {
                UdpSocket s = Udp.SocketAt(i);
                text.Append($"  udp port {s.Port}: {s.Received} received, {s.Queued} queued, {s.Dropped} dropped\n");
            }
            if (NetStats.TxBufferBusy != 0) text.Append($"transmit buffer busy: {NetStats.TxBufferBusy} frames dropped\n");
            return text.Finish();
        }
    }
}
