using System.Net;
using System.Net.Sockets;

namespace Nooks.Tools;

// Free loopback ports for QEMU's forwards, so parallel machines never share one. The port is
// released before QEMU binds it: another process could take it in between, which is rare enough.
public static class HostPorts
{
    public static int FreeTcpPort() => FreePort(SocketType.Stream, ProtocolType.Tcp);
    public static int FreeUdpPort() => FreePort(SocketType.Dgram, ProtocolType.Udp);

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
