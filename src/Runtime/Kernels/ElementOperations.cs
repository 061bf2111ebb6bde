using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary><c>destination += source</c>.</summary>
internal readonly struct AddOperation : IElementOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct
    {
        ref float d = ref Unsafe.Add(ref destination, index);
        TSimd.Store(TSimd.Add(TSimd.Load(ref d), TSimd.Load(ref Unsafe.Add(ref source, index))), ref d);
    }
}

/// <summary><c>destination ← factor · source</c>.</summary>
internal readonly struct ScaleOperation(float factor) : IElementOperation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<TSimd, TVector>(ref float destination, ref float source, int index)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct =>
        TSimd.Store(TSimd.Multiply(TSimd.Load(ref Unsafe.Add(ref source, index)), TSimd.Broadcast(factor)), ref Unsafe.Add(ref destination, index));
}

/// <summary><c>x²</c>.</summary>
internal readonly struct SquareMap : IElementMap
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVector Map<TSimd, TVector>(TVector value)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct => TSimd.Multiply(value, value);
}

/// <summary><c>x</c>: a plain sum.</summary>
internal readonly struct IdentityMap : IElementMap
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TVector Map<TSimd, TVector>(TVector value)
        where TSimd : struct, ISimd<TVector>
        where TVector : struct => value;
}
