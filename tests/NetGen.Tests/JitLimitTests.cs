using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Xunit;

namespace NetGen.Tests;

/// <summary>
/// No generated method may be large enough for the JIT to fall back to unoptimised code (MinOpts): it does
/// so past 60,000 IL bytes, 20,000 IL instructions, 2,000 basic blocks or 2,000 locals. The IL of every
/// generated method is decoded and measured against each limit.
/// </summary>
public class JitLimitTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Every_generated_method_stays_within_the_JIT_optimisation_limits()
    {
        Type[] networks = typeof(JitLimitTests).Assembly.GetTypes().Where(t => typeof(INetwork).IsAssignableFrom(t)).ToArray();
        Assert.True(networks.Length > 200, $"found only {networks.Length} networks");
        foreach (Type network in networks)
        {
            foreach (MethodInfo method in network.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                MethodBody body = method.GetMethodBody()!;
                byte[] il = body.GetILAsByteArray()!;
                (int instructions, int blocks) = Decode(il);
                string name = $"{network.Name}.{method.Name}";
                Assert.True(il.Length < 60_000, $"{name} has {il.Length} bytes of IL");
                Assert.True(instructions < 20_000, $"{name} has {instructions} IL instructions");
                Assert.True(blocks < 2_000, $"{name} has up to {blocks} basic blocks");
                Assert.True(body.LocalVariables.Count < 2_000, $"{name} has {body.LocalVariables.Count} locals");
            }
        }

        // The forced-unrolled network at the cap is the largest there is: make sure the bound was really exercised.
        byte[] capped = typeof(UnrolledSquare).GetMethod("BackwardLayer2", BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethodBody()!.GetILAsByteArray()!;
        Assert.InRange(Decode(capped).Instructions, 5_000, 20_000);
    }

    [Fact]
    public void The_IL_decoder_counts_instructions_and_blocks()
    {
        // ldarg.0; ldc.i4 1000; brtrue.s +1; nop; ret
        byte[] il = [0x02, 0x20, 0xE8, 0x03, 0x00, 0x00, 0x2D, 0x01, 0x00, 0x2A];
        Assert.Equal((5, 3), Decode(il));
    }

    /// <summary>The number of IL instructions, and an upper bound on the basic blocks (one more than the instructions that end a block).</summary>
    private static (int Instructions, int Blocks) Decode(byte[] il)
    {
        int instructions = 0, blocks = 1;
        for (int offset = 0; offset < il.Length;)
        {
            short value = il[offset] == 0xFE ? (short)(0xFE00 | il[offset + 1]) : il[offset];
            OpCode opCode = OpCodesByValue[value];
            offset += opCode.Size + OperandSize(opCode, il, offset + opCode.Size);
            instructions++;
            if (opCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
            {
                blocks++;
            }
        }

        return (instructions, blocks);
    }

    private static int OperandSize(OpCode opCode, byte[] il, int operand) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, operand)),
        _ => 4,
    };
}
