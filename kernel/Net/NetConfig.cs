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
            string ip = Option(commandLine, "net.ip=");
            if (ip != null)
            {
                if (Ipv4Address.TryParseWithPrefix(ip, out uint a, out int prefix)) { Address = a; PrefixLength = prefix; }
                else Console.Log.Error("net", $"net.ip={ip}: not an address A.B.C.D[/N]");
            }
            string gw = Option(commandLine, "net.gw=");
            if (gw != null)
            {
                if (Ipv4Address.TryParse(gw, out uint g)) Gateway = g;
                else Console.Log.Error("net", $"net.gw={gw}: not an address A.B.C.D");
            }
        }

        private static string Option(string commandLine, string key)
        {
            ReadOnlySpan<char> s = commandLine;
            for (int i = 0; i + key.Length <= s.Length; i++)
            {
                if ((i > 0 && s[i - 1] != ' ') || !s.Slice(i, key.Length).SequenceEqual(key)) continue;
                ReadOnlySpan<char> value = s.Slice(i + key.Length);
                int end = value.IndexOf(' ');
                return new string(end < 0 ? value : value.Slice(0, end));
            }
            return null;
        }
    }
}
