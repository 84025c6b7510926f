using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nooks.Tools;

// One closed-loop run against the guest's UDP echo service: send a datagram, wait for its echo
// (or give up on it after the timeout), send the next.
public sealed record UdpEchoSample(int Size, int Sent, int Echoed, TimeSpan Elapsed, IReadOnlyList<double> RoundTripsMicros)
{
    public int Lost => Sent - Echoed;
    public double DatagramsPerSecond => Elapsed > TimeSpan.Zero ? Echoed / Elapsed.TotalSeconds : 0;
    // Payload bytes echoed per second, one way (each also crossed the wire back).
    public double BytesPerSecond => DatagramsPerSecond * Size;
}

public static class Percentile
{
    // Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none.
    public static double Of(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

public sealed class UdpEchoClient : IDisposable
{
    private const int SequenceBytes = 4;
    private readonly Socket socket;
    private readonly byte[] receiveBuffer = new byte[65536];
    private uint sequence;

    public UdpEchoClient(int hostPort)
    {
        socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(new IPEndPoint(IPAddress.Loopback, hostPort));
    }

    // Sends until one echo comes back: slirp and the guest learn each other's addresses, and
    // QEMU's e1000 holds received frames for a second after the driver enables receive.
    public bool WarmUp(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
            if (RoundTrip(64, TimeSpan.FromMilliseconds(250)) is not null) return true;
        return false;
    }

    public UdpEchoSample Measure(int size, int count, TimeSpan perDatagramTimeout, Action<int>? progress = null)
    {
        var roundTrips = new List<double>(count);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            if (RoundTrip(size, perDatagramTimeout) is double micros) roundTrips.Add(micros);
            if (progress is not null && (i + 1) % 50 == 0) progress(i + 1);
        }
        clock.Stop();
        return new UdpEchoSample(size, count, roundTrips.Count, clock.Elapsed, roundTrips);
    }

    // Microseconds from send to the matching echo; null if it did not come within the timeout.
    // Each datagram carries a sequence number, so a late echo of an earlier one is not mistaken
    // for this one's.
    private double? RoundTrip(int size, TimeSpan timeout)
    {
        var message = new byte[Math.Max(size, SequenceBytes)];
        uint mine = ++sequence;
        BinaryPrimitives.WriteUInt32LittleEndian(message, mine);
        for (int i = SequenceBytes; i < message.Length; i++) message[i] = (byte)(i + mine);
        long start = Stopwatch.GetTimestamp();
        socket.Send(message);
        while (true)
        {
            TimeSpan left = timeout - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) return null;
            if (!socket.Poll(left, SelectMode.SelectRead)) return null;
            int received;
            try
            {
                received = socket.Receive(receiveBuffer);
            }
            catch (SocketException)
            {
                // ICMP port unreachable from slirp before the guest listens: not an echo.
                continue;
            }
            if (received == message.Length && receiveBuffer.AsSpan(0, received).SequenceEqual(message))
                return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
    }

    public void Dispose() => socket.Dispose();
}
