/**
 * GLSL ES 3.00 for the two batched meshes (PixiJS v8 only treats a program as ES 3.00 when its source says
 * `#version 300 es`, and adds the precision). Positions are world
 * units; PixiJS binds uProjectionMatrix/uWorldTransformMatrix (global) and uTransformMatrix (the mesh's
 * transform, i.e. the camera). Output is premultiplied alpha, as PixiJS blends.
 */

const header = `
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
vec4 project(vec2 position) {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  return vec4((mvp * vec3(position, 1.0)).xy, 0.0, 1.0);
}
`;

export const EDGE_VERTEX = `#version 300 es
in vec2 aPosition;
in vec4 aColor;
out vec4 vColor;
${header}
void main() {
  gl_Position = project(aPosition);
  vColor = aColor;
}
`;

export const EDGE_FRAGMENT = `#version 300 es
in vec4 vColor;
out vec4 finalColor;
void main() {
  finalColor = vec4(vColor.rgb * vColor.a, vColor.a);
}
`;

export const NODE_VERTEX = `#version 300 es
in vec2 aPosition;
in vec2 aUV;
in vec4 aFill;
in vec4 aRing;
out vec2 vUV;
out vec4 vFill;
out vec4 vRing;
${header}
void main() {
  gl_Position = project(aPosition);
  vUV = aUV;
  vFill = aFill;
  vRing = aRing;
}
`;

/** A disc with a soft (anti-aliased) rim; the outer 22 % is the ring colour where the ring is opaque. */
export const NODE_FRAGMENT = `#version 300 es
in vec2 vUV;
in vec4 vFill;
in vec4 vRing;
out vec4 finalColor;
void main() {
  float d = length(vUV);
  float aa = max(fwidth(d), 0.001);
  float coverage = 1.0 - smoothstep(1.0 - aa, 1.0, d);
  if (coverage <= 0.0) discard;
  float ring = vRing.a * smoothstep(0.78 - aa, 0.78, d);
  vec4 colour = mix(vFill, vec4(vRing.rgb, 1.0), ring);
  float alpha = colour.a * coverage;
  finalColor = vec4(colour.rgb * alpha, alpha);
}
`;
