using System;

namespace Nooks.Kernel.Net
{
    // The echo service (RFC 862) on UDP port 7: every datagram goes back to where it came from.
    public static unsafe class UdpEcho
    {
        public const ushort Port = 7;
        private static UdpSocket socket;

        public static ulong Echoed => socket != null ? socket.Received : 0;

        public static void Start()
        {
            socket = Udp.Bind(Port, &Echo);
            if (socket == null) Console.Log.Error("net", $"udp echo: port {Port} is taken");
        }

        private static void Echo(UdpSocket s, uint source, ushort sourcePort, ReadOnlySpan<byte> data) =>
            s.Send(source, sourcePort, data);
    }
}
