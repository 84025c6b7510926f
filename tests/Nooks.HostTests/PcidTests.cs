using Nooks.Kernel.Memory;

namespace Nooks.HostTests;

// The logic behind PCIDs for protection domains, without the hardware: which CR3 value enters a
// domain (keeping its TLB entries or flushing them), how PCIDs are handed out, and what happens
// when they run out.
public class PcidTests
{
    private const ulong Root = 0x0000_0123_4567_8000;
    private const int Pcid = 42;
    private const ulong Generation = 7;

    [Fact]
    public void Cr3ValueHoldsRootPcidAndKeepBitInTheirPlaces()
    {
        ulong cr3 = TaggedCr3.Compose(Root, Pcid, keepEntries: true);
        Assert.Equal(Root | 42UL | 1UL << 63, cr3);
        Assert.Equal(Root | 42UL, TaggedCr3.Compose(Root, Pcid, keepEntries: false));
        Assert.Equal(Root, TaggedCr3.Root(cr3));
        Assert.Equal(Pcid, TaggedCr3.Pcid(cr3));
    }

    [Fact]
    public void RootOfACr3ValueDropsPcidAndKeepBit()
    {
        Assert.Equal(Root, TaggedCr3.Root(Root | 0xFFF | 1UL << 63));
        Assert.Equal(Root, TaggedCr3.Root(Root));
    }

    [Fact]
    public void PcidIsOfferedByCpuidLeafOneEcxBit17()
    {
        Assert.True(PcidFeature.Offered(1u << 17));
        Assert.False(PcidFeature.Offered(~(1u << 17)));
        Assert.Equal(1UL << 17, PcidFeature.Cr4Enable);
    }

    [Fact]
    public void AllocatorNeverHandsOutPcidZero()
    {
        var allocator = new PcidAllocator();
        Assert.Equal(1, allocator.Allocate());
        Assert.Equal(2, allocator.Allocate());
        Assert.Equal(2, allocator.InUse);
    }

    [Fact]
    public void FreedPcidIsHandedOutAgain()
    {
        var allocator = new PcidAllocator();
        int first = allocator.Allocate();
        allocator.Allocate();
        allocator.Free(first);
        Assert.Equal(first, allocator.Allocate());
        Assert.Equal(2, allocator.InUse);
    }

    [Fact]
    public void FreeingTwiceOrFreeingTheSharedPcidChangesNothing()
    {
        var allocator = new PcidAllocator();
        int pcid = allocator.Allocate();
        allocator.Free(pcid);
        allocator.Free(pcid);
        allocator.Free(PcidAllocator.Shared);
        allocator.Free(PcidAllocator.Untagged);
        Assert.Equal(0, allocator.InUse);
        Assert.Equal(pcid, allocator.Allocate());
    }

    [Fact]
    public void RunningOutGivesTheSharedPcidNotFailure()
    {
        var allocator = new PcidAllocator();
        var seen = new HashSet<int>();
        for (int i = PcidAllocator.First; i < PcidAllocator.Shared; i++) Assert.True(seen.Add(allocator.Allocate()));
        Assert.DoesNotContain(PcidAllocator.Untagged, seen);
        Assert.DoesNotContain(PcidAllocator.Shared, seen);
        Assert.Equal(PcidAllocator.Shared, allocator.Allocate());
        Assert.Equal(PcidAllocator.Shared, allocator.Allocate());

        allocator.Free(100);
        Assert.Equal(100, allocator.Allocate());
    }

    [Fact]
    public void FirstEntryWithANewPcidFlushes()
    {
        var tag = new TlbTag(Pcid);
        Assert.Equal(TaggedCr3.Compose(Root, Pcid, keepEntries: false), tag.EnterCr3(Root, TranslationGeneration.First));
    }

    [Fact]
    public void EntryKeepsEntriesWhileNothingChanged()
    {
        var tag = new TlbTag(Pcid);
        tag.EnterCr3(Root, Generation);
        Assert.Equal(TaggedCr3.Compose(Root, Pcid, keepEntries: true), tag.EnterCr3(Root, Generation));
        Assert.Equal(TaggedCr3.Compose(Root, Pcid, keepEntries: true), tag.EnterCr3(Root, Generation));
    }

    [Fact]
    public void ChangedTranslationForcesOneFlush()
    {
        var tag = new TlbTag(Pcid);
        tag.EnterCr3(Root, Generation);
        Assert.Equal(TaggedCr3.Compose(Root, Pcid, keepEntries: false), tag.EnterCr3(Root, Generation + 1));
        Assert.Equal(TaggedCr3.Compose(Root, Pcid, keepEntries: true), tag.EnterCr3(Root, Generation + 1));
    }

    [Fact]
    public void ReassignedPcidIsFlushedByItsNewOwner()
    {
        var allocator = new PcidAllocator();
        var old = new TlbTag(allocator.Allocate());
        old.EnterCr3(Root, Generation);
        allocator.Free(old.Pcid);
        var reassigned = new TlbTag(allocator.Allocate());
        Assert.Equal(old.Pcid, reassigned.Pcid);
        Assert.Equal(TaggedCr3.Compose(Root, old.Pcid, keepEntries: false), reassigned.EnterCr3(Root, Generation));
    }

    [Fact]
    public void SharedPcidFlushesOnEveryEntry()
    {
        var tag = new TlbTag(PcidAllocator.Shared);
        tag.EnterCr3(Root, Generation);
        Assert.Equal(TaggedCr3.Compose(Root, PcidAllocator.Shared, keepEntries: false), tag.EnterCr3(Root, Generation));
    }

    [Fact]
    public void WithoutPcidsTheValueIsThePlainRoot()
    {
        var tag = new TlbTag(PcidAllocator.Untagged);
        tag.EnterCr3(Root, Generation);
        Assert.Equal(Root, tag.EnterCr3(Root, Generation));
        Assert.Equal(Root, default(TlbTag).EnterCr3(Root, Generation));
    }

    [Fact]
    public void GenerationStartsAboveNeverFlushedAndOnlyGrows()
    {
        ulong before = TranslationGeneration.Current;
        Assert.True(before >= TranslationGeneration.First);
        TranslationGeneration.Advance();
        Assert.Equal(before + 1, TranslationGeneration.Current);
    }
}
