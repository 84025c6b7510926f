using System;

namespace Nooks.Kernel.Net
{
    // Static IPv4 configuration of eth0, for QEMU user networking by default; the kernel command
    // line overrides it: `net.ip=A.B.C.D/N net.gw=A.B.C.D`.
    public static class NetConfig
    {
        public static uint Address = Ipv4Address.Make(10, 0, 2, 15);
        public static int PrefixLength = 24;
        public static uint Gateway = Ipv4Address.Make(10, 0, 2, 2);

        public static void FromCommandLine(string commandLine)
        {
            string ip = Boot.CommandLineOptions.Value(commandLine, "net.ip=");
            if (ip != null)
            {
                if (Ipv4Address.TryParseWithPrefix(ip, out uint a, out int prefix)) { Address = a; PrefixLength = prefix; }
                else Console.Log.Error("net", $"net.ip={ip}: not an address A.B.C.D[/N]");
            }
            string gw = Boot.CommandLineOptions.Value(commandLine, "net.gw=");
            if (gw != null)
            {
                if (Ipv4Address.TryParse(gw, out uint g)) Gateway = g;
                else Console.Log.Error("net", $"net.gw={gw}: not an address A.B.C.D");
            }
        }
    }
}
