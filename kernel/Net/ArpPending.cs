using System;

namespace Nooks.Kernel.Net
{
    // IPv4 packets waiting for their next hop's MAC address. A packet that waits longer than
    // the timeout, or finds the queue full, is dropped (and counted).
    public static unsafe class ArpPending
    {
        public const int Capacity = 8;
        public const ulong TimeoutNanos = 3UL * Time.Clock.NanosPerSecond;
        private const int MaxPacket = EthernetHeader.Mtu;

        private static readonly NetDevice[] devices = new NetDevice[Capacity];
        private static readonly uint[] nextHops = new uint[Capacity];
        private static readonly int[] lengths = new int[Capacity];
        private static readonly ulong[] queuedAt = new ulong[Capacity];
        private static readonly byte[] packets = new byte[Capacity * MaxPacket];

        public static int Count
        {
            get { int n = 0; for (int i = 0; i < Capacity; i++) if (devices[i] != null) n++; return n; }
        }

        // Copies the IPv4 packet; false if it had to be dropped.
        public static bool Enqueue(NetDevice d, uint nextHop, ReadOnlySpan<byte> packet)
        {
            Expire();
            if (packet.Length > MaxPacket) return false;
            for (int i = 0; i < Capacity; i++)
            {
                if (devices[i] != null) continue;
                devices[i] = d;
                nextHops[i] = nextHop;
                lengths[i] = packet.Length;
                queuedAt[i] = Time.Clock.UptimeNanos;
                NetBytes.Copy(packet, packets.AsSpan(i * MaxPacket, packet.Length));
                return true;
            }
            NetStats.ArpPendingDropped++;
            return false;
        }

        // The address is now known: send what waited for it.
        public static void Resolved(NetDevice d, uint ip, ulong mac)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (devices[i] != d || nextHops[i] != ip) continue;
                byte* b = NetStack.TakeTransmitBuffer();
                if (b == null) return;
                int length = lengths[i];
                for (int j = 0; j < length; j++) b[EthernetHeader.Length + j] = packets[i * MaxPacket + j];
                devices[i] = null;
                NetStack.SendFrame(d, b, mac, EthernetHeader.TypeIpv4, length);
            }
        }

        // Asks again for every next hop still waiting (a request can be lost, e.g. while the
        // link is still negotiating after the driver reset the NIC). Called from NetStack.Poll.
        public static void Retry()
        {
            Expire();
            for (int i = 0; i < Capacity; i++)
            {
                if (devices[i] == null) continue;
                bool asked = false;
                for (int j = 0; j < i && !asked; j++) asked = devices[j] == devices[i] && nextHops[j] == nextHops[i];
                if (!asked) Arp.Request(devices[i], nextHops[i]);
            }
        }

        private static void Expire()
        {
            ulong now = Time.Clock.UptimeNanos;
            for (int i = 0; i < Capacity; i++)
                if (devices[i] != null && now - queuedAt[i] > TimeoutNanos)
                {
                    devices[i] = null;
                    NetStats.ArpPendingDropped++;
                }
        }
    }
}
