using Nooks.Packets;

namespace Nooks.HostTests;

// The ownership bookkeeping of an extension's packet pool (nooks/Packets/PacketSlots.cs):
// handles name slots exactly, and packets move only between the owners the API allows.
public class PacketSlotsTests
{
    private const ulong FirstChunk = 0xFFFF_8080_0010_0000;
    private const ulong SecondChunk = 0xFFFF_8080_0020_0000;

    private static PacketSlots OneChunk()
    {
        var slots = new PacketSlots();
        Assert.True(slots.AddChunk(FirstChunk));
        return slots;
    }

    [Fact]
    public void AnEmptyPoolHasNothingToTake()
    {
        var slots = new PacketSlots();
        Assert.Equal(-1, slots.Take());
        Assert.Equal(0, slots.Capacity);
    }

    [Fact]
    public void EverySlotOfAChunkIsTakenOnceThenThePoolIsExhausted()
    {
        PacketSlots slots = OneChunk();
        var taken = new HashSet<int>();
        for (int i = 0; i < PacketSlots.PacketsPerChunk; i++) Assert.True(taken.Add(slots.Take()));
        Assert.Equal(-1, slots.Take());
        Assert.Equal(PacketSlots.PacketsPerChunk, slots.HeldByExtension);
        Assert.Equal(0, slots.Free);
    }

    [Fact]
    public void AFreedSlotIsTakenAgain()
    {
        PacketSlots slots = OneChunk();
        for (int i = 0; i < PacketSlots.PacketsPerChunk; i++) slots.Take();
        Assert.True(slots.Move(5, PacketOwner.Extension, PacketOwner.Pool));
        Assert.Equal(5, slots.Take());
    }

    [Fact]
    public void HandlesAndSlotsNameEachOtherAcrossChunks()
    {
        PacketSlots slots = OneChunk();
        Assert.True(slots.AddChunk(SecondChunk));
        Assert.Equal(FirstChunk, slots.HandleOf(0));
        Assert.Equal(FirstChunk + 3 * PacketSlots.HandleStride, slots.HandleOf(3));
        Assert.Equal(SecondChunk, slots.HandleOf(PacketSlots.PacketsPerChunk));
        for (int slot = 0; slot < slots.Capacity; slot++) Assert.Equal(slot, slots.SlotOf(slots.HandleOf(slot)));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(FirstChunk + 1)]                                                            // inside a record
    [InlineData(FirstChunk - PacketSlots.HandleStride)]                                     // before the chunk
    [InlineData(FirstChunk + PacketSlots.PacketsPerChunk * PacketSlots.HandleStride)]       // just past it
    public void AnythingButASlotsHandleNamesNoSlot(ulong handle) => Assert.Equal(-1, OneChunk().SlotOf(handle));

    [Fact]
    public void APacketFreedTwiceIsRefusedTheSecondTime()
    {
        PacketSlots slots = OneChunk();
        int slot = slots.Take();
        Assert.True(slots.Move(slot, PacketOwner.Extension, PacketOwner.Kernel));
        Assert.False(slots.Move(slot, PacketOwner.Extension, PacketOwner.Kernel));
        Assert.True(slots.Move(slot, PacketOwner.Kernel, PacketOwner.Pool));
        Assert.False(slots.Move(slot, PacketOwner.Kernel, PacketOwner.Pool));
        Assert.Equal(PacketOwner.Pool, slots.OwnerOf(slot));
    }

    [Fact]
    public void APacketNeverTakenCannotBeGivenBack()
    {
        PacketSlots slots = OneChunk();
        Assert.False(slots.Move(0, PacketOwner.Extension, PacketOwner.Pool));
        Assert.False(slots.Move(PacketSlots.PacketsPerChunk, PacketOwner.Pool, PacketOwner.Extension));   // no such slot
        Assert.False(slots.Move(-1, PacketOwner.Pool, PacketOwner.Extension));
        Assert.Equal(PacketSlots.PacketsPerChunk, slots.Free);
    }

    [Fact]
    public void CountsFollowEachOwner()
    {
        PacketSlots slots = OneChunk();
        int a = slots.Take(), b = slots.Take();
        slots.Take();
        slots.Move(a, PacketOwner.Extension, PacketOwner.Kernel);
        slots.Move(b, PacketOwner.Extension, PacketOwner.Pool);
        Assert.Equal(1, slots.HeldByExtension);
        Assert.Equal(1, slots.HeldByKernel);
        Assert.Equal(PacketSlots.PacketsPerChunk - 2, slots.Free);
    }

    [Fact]
    public void ThePoolStopsGrowingAtItsLimit()
    {
        var slots = new PacketSlots();
        for (int c = 0; c < PacketSlots.MaxChunks; c++) Assert.True(slots.AddChunk(FirstChunk + (ulong)c * 0x1000));
        Assert.False(slots.AddChunk(SecondChunk));
        Assert.Equal(PacketSlots.MaxPackets, slots.Capacity);
    }

    [Fact]
    public void AChunkWhoseHandlesAreMisalignedIsRefused()
    {
        var slots = new PacketSlots();
        Assert.False(slots.AddChunk(FirstChunk + 8));
        Assert.False(slots.AddChunk(0));
        Assert.Equal(0, slots.Chunks);
    }
}
