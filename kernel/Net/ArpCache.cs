using System;

namespace Nooks.Kernel.Net
{
    // IPv4 -> MAC mappings learnt from ARP, each valid for a while.
    public static class ArpCache
    {
        public const int Capacity = 32;
        public const ulong LifetimeNanos = 60UL * Time.Clock.NanosPerSecond;

        private struct Entry { public uint Ip; public ulong Mac; public ulong ExpiresAt; public NetDevice Device; }
        private static readonly Entry[] entries = new Entry[Capacity];

        public static bool TryLookup(NetDevice d, uint ip, out ulong mac)
        {
            ulong now = Time.Clock.UptimeNanos;
            for (int i = 0; i < Capacity; i++)
                if (entries[i].Ip == ip && entries[i].Device == d && entries[i].ExpiresAt > now) { mac = entries[i].Mac; return true; }
            mac = 0;
            return false;
        }

        public static void Update(NetDevice d, uint ip, ulong mac)
        {
            ulong now = Time.Clock.UptimeNanos;
            int slot = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (entries[i].Ip == ip && entries[i].Device == d) { slot = i; break; }
                if (slot < 0 && entries[i].ExpiresAt <= now) slot = i;
            }
            if (slot < 0)
            {
                slot = 0;   // full of live entries: replace the one that expires first
                for (int i = 1; i < Capacity; i++) if (entries[i].ExpiresAt < entries[slot].ExpiresAt) slot = i;
            }
            entries[slot] = new Entry { Ip = ip, Mac = mac, ExpiresAt = now + LifetimeNanos, Device = d };
        }

        public static string Report()
        {
            ulong now = Time.Clock.UptimeNanos;
            var text = new System.Text.TextBuilder();
            bool any = false;
            Span<char> ip = stackalloc char[Ipv4Address.MaxTextLength];
            Span<char> mac = stackalloc char[EthernetAddress.MaxTextLength];
            for (int i = 0; i < Capacity; i++)
                if (entries[i].ExpiresAt > now)
                {
                    text.Append($"  {Ipv4Address.Format(entries[i].Ip, ip),-Ipv4Address.MaxTextLength} {EthernetAddress.Format(entries[i].Mac, mac)} {entries[i].Device.Name} expires in {(entries[i].ExpiresAt - now) / Time.Clock.NanosPerSecond}s\n");
                    any = true;
                }
            if (!any) text.Append("  (empty)\n");
            return text.Finish();
        }
    }
}
